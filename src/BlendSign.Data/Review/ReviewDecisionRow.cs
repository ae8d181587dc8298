using BlendSign.Data.Labels;

namespace BlendSign.Data.Review;

/// <summary>One recorded decision as the decisions list and CSV show it.</summary>
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
