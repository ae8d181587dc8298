using BlendSign.Model.Metrics;

namespace BlendSign.Model.CrossValidation;

/// <summary>A finished cross-validation: every example's out-of-fold prediction and the metrics over all of them.</summary>
public sealed record CrossValidationResult(
    string Device,
    IReadOnlyList<FoldResult> Folds,
    IReadOnlyList<OofPrediction> Predictions,
    ClassificationMetrics Metrics);
