namespace BlendSign.Data.Labels;

/// <summary>What a boxes CSV export wrote.</summary>
/// <param name="Rows">Box rows written (the header not counted).</param>
/// <param name="Scans">Scans those rows belong to.</param>
public sealed record BoxExportResult(int Rows, int Scans);
