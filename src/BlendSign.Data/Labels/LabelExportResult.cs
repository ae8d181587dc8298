namespace BlendSign.Data.Labels;

/// <summary>What a labels CSV export wrote.</summary>
/// <param name="Rows">Label rows written (the header not counted).</param>
/// <param name="Scans">Scans those rows belong to.</param>
public sealed record LabelExportResult(int Rows, int Scans);
