using BlendSign.Data.Gold;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Review;

/// <summary>Holds every rater's current reads: unblinded, for reviewers, leads and admins only.</summary>
public sealed record ReviewSlice(
    int SliceId,
    string SopInstanceUid,
    int ScanId,
    string ScanPseudonym,
    int SliceIndex,
    int Rows,
    int Columns,
    HemorrhageClass GoldLabel,
    GoldStatus GoldStatus,
    int Votes,
    AdjudicationInfo? Adjudication,
    IReadOnlyList<double> Probabilities,
    IReadOnlyList<RaterRead> Reads,
    IReadOnlyList<ConsensusBox> ConsensusBoxes);

/// <summary>Everything the review queue of one run is built from; <see cref="DecidedSliceIds"/> leave the queue.</summary>
public sealed record ReviewRunData(
    ReviewRun Run,
    IReadOnlyList<string> Raters,
    IReadOnlyList<ReviewSlice> Slices,
    IReadOnlySet<int> DecidedSliceIds);
