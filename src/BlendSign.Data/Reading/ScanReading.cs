namespace BlendSign.Data.Reading;

/// <summary>A scan opened in the viewer, with the signed-in rater's own labels and boxes only.</summary>
/// <param name="Exclusion">The scan's exclusion (a scan-level fact every reader of the scan sees); null when included.</param>
/// <param name="CanLabel">Whether this reader may label and draw on it (a radiologist it is assigned to).</param>
public sealed record ScanReading(
    int ScanId,
    string PseudonymousId,
    IReadOnlyList<SliceReading> Slices,
    ExclusionState? Exclusion,
    bool CanLabel,
    bool CanExclude);
