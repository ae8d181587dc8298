using BlendSign.Data.Labels;

namespace BlendSign.Data.Review;

/// <summary>A slice whose gold label differs between two snapshots (null: no gold label, or not in that snapshot).</summary>
public sealed record SnapshotChange(int SliceId, string SopInstanceUid, string ScanPseudonym, int SliceIndex, HemorrhageClass? From, HemorrhageClass? To);
