using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

/// <summary>A slice where the majority vote and Dawid–Skene disagree (a tie counts as no majority label).</summary>
public sealed record AggregationDifference(
    string SopInstanceUid,
    string ScanId,
    int SliceIndex,
    HemorrhageClass? MajorityLabel,
    GoldStatus VoteStatus,
    HemorrhageClass DawidSkeneLabel,
    double DawidSkenePosterior);
