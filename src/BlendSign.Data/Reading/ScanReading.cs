namespace BlendSign.Data.Reading;

/// <summary>A scan opened in the viewer, with the signed-in rater's own labels only.</summary>
public sealed record ScanReading(int ScanId, string PseudonymousId, IReadOnlyList<SliceReading> Slices);
