using BlendSign.Data.Gold;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Review;

/// <summary>
/// One slice of a run as the review queue needs it: the gold label, status and votes of the run's snapshot, the
/// run's out-of-fold probabilities (non_ich, normal_ich, blend_sign), the snapshot's consensus boxes, and every
/// rater's current label and boxes (unblinded: reviewers, leads and admins only).
/// </summary>
/// <param name="Adjudication">The slice's current adjudication (a lead's or reviewer's decision), when there is one.</param>
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
