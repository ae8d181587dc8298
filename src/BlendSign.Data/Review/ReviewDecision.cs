using BlendSign.Data.Labels;
using BlendSign.Data.Scans;
using BlendSign.Data.Training;

namespace BlendSign.Data.Review;

/// <summary>Never edited; a later decision on the same slice supersedes.</summary>
public class ReviewDecision
{
    public int Id { get; set; }
    public int SliceId { get; set; }
    public Slice Slice { get; set; } = null!;

    /// <summary>The run whose out-of-fold predictions put the slice in the queue.</summary>
    public int TrainingRunId { get; set; }
    public TrainingRun TrainingRun { get; set; } = null!;

    /// <summary>The gold snapshot the decision was made against, and the one it produced.</summary>
    public int GoldSnapshotId { get; set; }
    public int? ResultSnapshotId { get; set; }

    public ReviewOutcome Outcome { get; set; }
    public HemorrhageClass? OldLabel { get; set; }
    public HemorrhageClass? NewLabel { get; set; }
    public string? Reason { get; set; }

    public required string ReviewerId { get; set; }
    public required string ReviewerName { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>For <see cref="ReviewOutcome.Reread"/>: when every assigned rater had read the slice again.</summary>
    public DateTimeOffset? RereadCompletedAt { get; set; }
}
