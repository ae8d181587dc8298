namespace BlendSign.Model.Training;

public enum TrainingStage
{
    Training,
    EpochCompleted,
    Predicting,
    FoldCompleted,
}

// Fold, epoch and batch are 1-based; Generation is 0 for the teacher; EpochLoss is the epoch's mean so far; Eta is null
// until there is a rate; the loss terms are the batch's (Training reports only); Arm is null outside an ablation.
public sealed record TrainingProgress(
    TrainingStage Stage,
    int Fold,
    int Folds,
    int Epoch,
    int Epochs,
    int Batch,
    int Batches,
    double Loss,
    double EpochLoss,
    double LearningRate,
    double FractionDone,
    TimeSpan? Eta)
{
    public int Generation { get; init; }
    public int Generations { get; init; }
    public double? ClassificationLoss { get; init; }
    public double? DetectionLoss { get; init; }
    public double? DistillationLoss { get; init; }
    public string? Arm { get; init; }

    /// <summary>The batch's gradient norm before clipping (Training reports only).</summary>
    public double? GradientNorm { get; init; }

    /// <summary>The epoch's gradient norms before clipping (EpochCompleted reports only).</summary>
    public Health.GradientNormStats? Gradients { get; init; }
}
