using BlendSign.Data.Labels;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Metrics;
using BlendSign.Model.Training;

namespace BlendSign.Web.Features.Training;

/// <summary>One out-of-fold prediction as the results page lists it (probabilities in class order).</summary>
public sealed record OofSlice(string SopInstanceUid, int Fold, HemorrhageClass Gold, IReadOnlyList<double> Probabilities)
{
    public HemorrhageClass Predicted => (HemorrhageClass)Enumerable.Range(0, Probabilities.Count).MaxBy(c => Probabilities[c]);
}

/// <summary>Pooled metrics and their mean ± SD over folds are the study's Table 3.</summary>
public sealed record RunResults(
    TrainingRun Run,
    TrainingSettings? Settings,
    IReadOnlyList<OofSlice> Predictions,
    ClassificationMetrics Pooled,
    IReadOnlyList<ClassMetricsSummary> MeanOverFolds,
    IReadOnlyList<IReadOnlyList<RocPoint>> RocCurves)
{
    /// <summary>The stored report: divergence findings, warnings and per-generation metrics (null for runs stored before it existed).</summary>
    public TrainingReport? Report { get; init; }

    /// <summary>The out-of-fold predictions with their scans, for intervals and paired comparisons.</summary>
    public IReadOnlyList<OofPrediction> OutOfFold { get; init; } = [];

    /// <summary>95 % intervals of the pooled metrics per class, from the bootstrap over scans.</summary>
    public IReadOnlyList<ClassIntervals> Intervals { get; init; } = [];

    /// <summary>Why the model is no better than chance (empty when it is better), in words.</summary>
    public IReadOnlyList<string> ChanceFindings { get; init; } = [];

    public bool Diverged => Run.Status == TrainingRunStatus.Diverged;

    /// <summary>"WCE+AT" for an ablation row, else "run #12" — the method column of Table 3; "(diverged)" added when it did.</summary>
    public string Method => (Run.Variant is { } variant ? ProgressText.VariantName(variant) : $"run #{Run.Id}") + (Diverged ? " (diverged)" : "");

    public int FoldCount => Predictions.Select(p => p.Fold).Distinct().Count();
}

/// <summary>
/// A row of Table 3: a class, a method, and its sensitivity, specificity, F1 and AUC (mean ± SD over folds, and pooled
/// with its 95 % interval).
/// </summary>
public sealed record Table3Row(string Class, string Method, int RunId, ClassMetricsSummary MeanOverFolds, ClassMetrics Pooled, ClassIntervals? Ci95)
{
    /// <summary>Rows grouped by class (the study's order), then by method in the order given.</summary>
    public static IReadOnlyList<Table3Row> Build(IReadOnlyList<RunResults> methods) =>
        [.. HemorrhageClassNames.All.SelectMany(c => methods.Select(m =>
            new Table3Row(c.ToWireName(), m.Method, m.Run.Id, m.MeanOverFolds[(int)c], m.Pooled.PerClass[(int)c], m.Intervals.ElementAtOrDefault((int)c))))];
}
