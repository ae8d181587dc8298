using BlendSign.Model.Health;
using BlendSign.Model.Metrics;
using BlendSign.Model.Network;

namespace BlendSign.Model.CrossValidation;

/// <summary>
/// A finished cross-validation: every example's out-of-fold prediction, the metrics pooled over all of them
/// (<see cref="Metrics"/>), their mean over folds (<see cref="MeanOverFolds"/>) and the pooled ROC curves.
/// </summary>
public sealed record CrossValidationResult(
    string Device,
    IReadOnlyList<FoldResult> Folds,
    IReadOnlyList<OofPrediction> Predictions,
    ClassificationMetrics Metrics)
{
    /// <summary>Where the backbone's weights came from (null when every fold was read back from checkpoints).</summary>
    public BackboneWeights? BackboneWeights { get; init; }

    /// <summary>The tensor layout this process trained and predicted in ("channels-last" when the CPU fast path was used, see <see cref="CpuFastPathGuard"/>).</summary>
    public string Layout { get; init; } = "channels-first";

    public IReadOnlyList<ClassMetricsSummary> MeanOverFolds => FoldAverage.Compute(Folds.Select(f => f.Metrics).ToArray());

    /// <summary>Why the run cannot be trusted (non-finite or exploding training, constant or saturated outputs); empty when healthy.</summary>
    public IReadOnlyList<DivergenceFinding> Findings { get; init; } = [];

    public bool Diverged => Findings.Count > 0;

    /// <summary>Each generation's held-out metrics (teacher first; the last is <see cref="Metrics"/>); one entry without distillation.</summary>
    public IReadOnlyList<GenerationResult> Generations { get; init; } = [];

    /// <summary>One ROC curve per class (one vs rest), from the pooled out-of-fold probabilities.</summary>
    public IReadOnlyList<IReadOnlyList<RocPoint>> RocCurves => RocCurve.PerClass(Predictions);
}

/// <summary>One generation (0 = the teacher) over all folds: its held-out metrics pooled and as mean ± SD over folds.</summary>
public sealed record GenerationResult(int Generation, ClassificationMetrics Metrics, IReadOnlyList<ClassMetricsSummary> MeanOverFolds)
{
    public string Name => DivergenceFinding.GenerationName(Generation);
}
