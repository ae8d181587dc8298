namespace BlendSign.Data.Reading;

/// <summary>A worklist row: one scan and how far the signed-in rater has read it.</summary>
public sealed record ScanSummary(int ScanId, string PseudonymousId, string? SeriesDescription, int Slices, int LabeledByMe, bool Excluded);
