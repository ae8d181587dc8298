namespace BlendSign.Model.Training;

/// <summary>What a progress report marks: a training batch, the end of an epoch, a prediction batch, the end of a fold.</summary>
public enum TrainingStage
{
    Training,
    EpochCompleted,
    Predicting,
    FoldCompleted,
}

/// <summary>
/// One progress report of a cross-validated run. Fold, epoch and batch are 1-based;
/// <see cref="EpochLoss"/> is the mean loss of the epoch so far; <see cref="Eta"/> is null until there is a rate.
/// <see cref="Generation"/> is 0 for the teacher and 1… for the distilled students; the loss terms are those of
/// the batch (Training reports only); <see cref="Arm"/> names the ablation row being trained (null outside one).
/// </summary>
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
