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

    public IReadOnlyList<ClassMetricsSummary> MeanOverFolds => FoldAverage.Compute(Folds.Select(f => f.Metrics).ToArray());

    /// <summary>One ROC curve per class (one vs rest), from the pooled out-of-fold probabilities.</summary>
    public IReadOnlyList<IReadOnlyList<RocPoint>> RocCurves => RocCurve.PerClass(Predictions);
}
