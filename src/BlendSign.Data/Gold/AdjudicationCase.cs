namespace BlendSign.Data.Gold;

/// <param name="ScanSlices">The SOP Instance UIDs of the scan's slices in order, to step through the scan.</param>
/// <param name="EveryRadiologist">True when the scan has no explicit assignment, so every radiologist is counted.</param>
public sealed record AdjudicationCase(SliceGold Slice, IReadOnlyList<string> ScanSlices, bool EveryRadiologist)
{
    public int Position { get; } = ScanSlices.ToList().IndexOf(Slice.SopInstanceUid);
}
