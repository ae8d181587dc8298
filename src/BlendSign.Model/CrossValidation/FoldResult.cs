using BlendSign.Model.Metrics;

namespace BlendSign.Model.CrossValidation;

/// <summary>One fold (1-based): its sizes, its last training epoch's mean loss and the metrics on its held-out scans.</summary>
public sealed record FoldResult(
    int Fold,
    int TrainingExamples,
    int HeldOutExamples,
    int HeldOutGroups,
    double LastEpochLoss,
    ClassificationMetrics Metrics);
