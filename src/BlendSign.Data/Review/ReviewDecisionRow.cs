using BlendSign.Data.Labels;

namespace BlendSign.Data.Review;

public sealed record ReviewDecisionRow(
    int Id,
    DateTimeOffset DecidedAt,
    string ReviewerName,
    int TrainingRunId,
    int SliceId,
    string SopInstanceUid,
    string ScanPseudonym,
    int SliceIndex,
    ReviewOutcome Outcome,
    HemorrhageClass? OldLabel,
    HemorrhageClass? NewLabel,
    string? Reason,
    int GoldSnapshotId,
    int? ResultSnapshotId,
    DateTimeOffset? RereadCompletedAt);
