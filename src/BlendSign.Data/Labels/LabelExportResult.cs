namespace BlendSign.Data.Labels;

/// <param name="Rows">Label rows written (the header not counted).</param>
public sealed record LabelExportResult(int Rows, int Scans);
