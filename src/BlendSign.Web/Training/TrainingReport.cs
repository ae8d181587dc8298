using BlendSign.Data.Labels;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Metrics;

namespace BlendSign.Web.Training;

/// <summary>One class against the rest; null where undefined (see <see cref="ClassMetrics"/>).</summary>
public sealed record ClassReport(double? Sensitivity, double? Specificity, double? F1, double? Auc)
{
    public static IReadOnlyDictionary<string, ClassReport> From(ClassificationMetrics metrics) =>
        HemorrhageClassNames.All.ToDictionary(c => c.ToWireName(), c => From(metrics.PerClass[(int)c]));

    public static ClassReport From(ClassMetrics m) => new(m.Sensitivity, m.Specificity, m.F1, m.Auc);
}

public sealed record FoldReport(
    int Fold,
    int TrainingSlices,
    int HeldOutSlices,
    int HeldOutScans,
    double LastEpochLoss,
    IReadOnlyDictionary<string, ClassReport> PerClass,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix);

/// <summary>
/// A completed run's results, stored as the run's ResultJson (snake_case): per-class metrics keyed by wire name
/// and the confusion matrix (rows gold, columns predicted) over all out-of-fold predictions, then per fold.
/// </summary>
public sealed record TrainingReport(
    string Device,
    int Slices,
    int Scans,
    IReadOnlyDictionary<string, ClassReport> PerClass,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
    IReadOnlyList<FoldReport> Folds)
{
    public static TrainingReport From(CrossValidationResult result) => new(
        result.Device,
        result.Predictions.Count,
        result.Predictions.Select(p => p.GroupId).Distinct().Count(),
        ClassReport.From(result.Metrics),
        result.Metrics.ConfusionMatrix,
        [.. result.Folds.Select(f => new FoldReport(f.Fold, f.TrainingExamples, f.HeldOutExamples, f.HeldOutGroups,
            f.LastEpochLoss, ClassReport.From(f.Metrics), f.Metrics.ConfusionMatrix))]);
}
