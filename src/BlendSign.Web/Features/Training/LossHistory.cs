namespace BlendSign.Web.Features.Training;

/// <summary>A training batch's losses; <see cref="Step"/> counts the run's training batches (the chart's x axis).</summary>
public sealed record BatchLossPoint(long Step, int Fold, int Generation, int Epoch, double Loss,
    double? Classification, double? Detection, double? Distillation);

/// <summary>Gradient norms are null in histories written before they were kept.</summary>
public sealed record EpochLossPoint(long Step, string? Arm, int Fold, int Generation, int Epoch, double Loss, double LearningRate)
{
    public double? GradientNormMedian { get; init; }

    public double? GradientNormMax { get; init; }

    public int? ClippedSteps { get; init; }
}

public sealed record ResumeNote(DateTimeOffset At, int Fold, int Generation, int Epoch, bool FromCheckpoint)
{
    public string Describe() => !FromCheckpoint
        ? "resumed after a restart from the beginning (no checkpoint yet)"
        : FormattableString.Invariant($"resumed after a restart at fold {Fold} epoch {Epoch}") + (Generation > 0 ? $" (student {Generation})" : "");
}

/// <summary>Stored as the run folder's <c>progress.json</c> at each epoch's end, so a reopened page (or a resumed run) finds it.</summary>
public sealed record LossHistory(
    IReadOnlyList<BatchLossPoint> Batches,
    IReadOnlyList<EpochLossPoint> Epochs,
    IReadOnlyList<ResumeNote> Resumes,
    long Steps,
    int Stride)
{
    public const int MaxBatchPoints = 600;

    public static LossHistory Empty { get; } = new([], [], [], 0, 1);
}
