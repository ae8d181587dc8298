using BlendSign.Data.Labels;
using BlendSign.Data.Scans;

namespace BlendSign.Data.Reading;

/// <summary>A scan on the reader's worklist with its slices in order and the reader's own labels only.</summary>
public sealed record WorklistScan(int ScanId, string PseudonymousId, ScanExclusion? Exclusion, IReadOnlyList<WorklistSlice> Slices);

public sealed record WorklistSlice(int SliceId, string SopInstanceUid, int SliceIndex, HemorrhageClass? MyLabel);
