namespace BlendSign.Model.Metrics;

/// <summary>A metric's mean and sample standard deviation over the folds where it is defined (null where none is).</summary>
public sealed record MetricSummary(double? Mean, double? StandardDeviation, int Folds);

/// <summary>One class's metrics averaged over folds, as the study's Table 3 reports them.</summary>
public sealed record ClassMetricsSummary(MetricSummary Sensitivity, MetricSummary Specificity, MetricSummary F1, MetricSummary Auc);

public static class FoldAverage
{
    public static IReadOnlyList<ClassMetricsSummary> Compute(IReadOnlyList<ClassificationMetrics> folds, int classes = 3) =>
        [.. Enumerable.Range(0, classes).Select(c => new ClassMetricsSummary(
            Summarise(folds.Select(f => f.PerClass[c].Sensitivity)),
            Summarise(folds.Select(f => f.PerClass[c].Specificity)),
            Summarise(folds.Select(f => f.PerClass[c].F1)),
            Summarise(folds.Select(f => f.PerClass[c].Auc))))];

    /// <summary>The mean over folds of out-of-fold predictions: each fold's metrics on its own predictions, then averaged.</summary>
    public static IReadOnlyList<ClassMetricsSummary> Compute(IReadOnlyList<CrossValidation.OofPrediction> predictions) =>
        Compute([.. predictions.GroupBy(p => p.Fold).OrderBy(f => f.Key).Select(f => ClassificationMetrics.Compute(f.ToArray()))]);

    public static MetricSummary Summarise(IEnumerable<double?> values)
    {
        var defined = values.OfType<double>().ToArray();
        if (defined.Length == 0)
        {
            return new MetricSummary(null, null, 0);
        }

        var mean = defined.Average();
        double? sd = defined.Length < 2 ? null : Math.Sqrt(defined.Sum(v => (v - mean) * (v - mean)) / (defined.Length - 1));
        return new MetricSummary(mean, sd, defined.Length);
    }
}
