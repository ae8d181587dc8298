using BlendSign.Model.Health;
using BlendSign.Model.Metrics;
using BlendSign.Model.Network;

namespace BlendSign.Model.CrossValidation;

public sealed record CrossValidationResult(
    string Device,
    IReadOnlyList<FoldResult> Folds,
    IReadOnlyList<OofPrediction> Predictions,
    ClassificationMetrics Metrics)
{
    /// <summary>Where the backbone's weights came from (null when every fold was read back from checkpoints).</summary>
    public BackboneWeights? BackboneWeights { get; init; }

    public string Layout { get; init; } = "channels-first";

    public IReadOnlyList<ClassMetricsSummary> MeanOverFolds => FoldAverage.Compute(Folds.Select(f => f.Metrics).ToArray());

    public IReadOnlyList<DivergenceFinding> Findings { get; init; } = [];

    public bool Diverged => Findings.Count > 0;

    public IReadOnlyList<GenerationResult> Generations { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<RocPoint>> RocCurves => RocCurve.PerClass(Predictions);
}

/// <summary>One generation (0 = the teacher) over all folds: its held-out metrics pooled and as mean ± SD over folds.</summary>
public sealed record GenerationResult(int Generation, ClassificationMetrics Metrics, IReadOnlyList<ClassMetricsSummary> MeanOverFolds)
{
    public string Name => DivergenceFinding.GenerationName(Generation);
}
