namespace BlendSign.Data.Labels;

/// <param name="Rows">Box rows written (the header not counted).</param>
public sealed record BoxExportResult(int Rows, int Scans);
