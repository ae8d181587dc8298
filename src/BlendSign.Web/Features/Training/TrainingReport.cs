using System.Text.Json;
using BlendSign.Data.Labels;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Health;
using BlendSign.Model.Metrics;

namespace BlendSign.Web.Features.Training;

/// <summary>One class against the rest; null where undefined (see <see cref="ClassMetrics"/>).</summary>
public sealed record ClassReport(double? Sensitivity, double? Specificity, double? F1, double? Auc)
{
    public static IReadOnlyDictionary<string, ClassReport> From(ClassificationMetrics metrics) =>
        HemorrhageClassNames.All.ToDictionary(c => c.ToWireName(), c => From(metrics.PerClass[(int)c]));

    public static ClassReport From(ClassMetrics m) => new(m.Sensitivity, m.Specificity, m.F1, m.Auc);

    public static ClassReport FromMean(ClassMetricsSummary m) => new(m.Sensitivity.Mean, m.Specificity.Mean, m.F1.Mean, m.Auc.Mean);
}

/// <summary>One class's pooled metrics as 95 % intervals ([lower, upper]; null where undefined).</summary>
public sealed record ClassIntervalsReport(double[]? Sensitivity, double[]? Specificity, double[]? F1, double[]? Auc)
{
    public static IReadOnlyDictionary<string, ClassIntervalsReport> From(IReadOnlyList<ClassIntervals> intervals) =>
        HemorrhageClassNames.All.ToDictionary(c => c.ToWireName(), c => From(intervals[(int)c]));

    /// <summary>The stored intervals back in class order, as <see cref="ScanBootstrap.Intervals(IReadOnlyList{OofPrediction}, int, int)"/> gave them.</summary>
    public static IReadOnlyList<ClassIntervals> ToIntervals(IReadOnlyDictionary<string, ClassIntervalsReport> stored) =>
        [.. HemorrhageClassNames.All.Select(c => stored[c.ToWireName()]).Select(r =>
            new ClassIntervals(Interval(r.Sensitivity), Interval(r.Specificity), Interval(r.F1), Interval(r.Auc)))];

    private static ClassIntervalsReport From(ClassIntervals ci) => new(Pair(ci.Sensitivity), Pair(ci.Specificity), Pair(ci.F1), Pair(ci.Auc));

    private static double[]? Pair(Interval? interval) => interval is null ? null : [interval.Lower, interval.Upper];

    private static Interval? Interval(double[]? pair) => pair is [var lower, var upper] ? new Interval(lower, upper) : null;
}

public sealed record FoldReport(
    int Fold,
    int TrainingSlices,
    int HeldOutSlices,
    int HeldOutScans,
    double LastEpochLoss,
    IReadOnlyDictionary<string, ClassReport> PerClass,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix);

/// <summary>One generation's held-out metrics over all folds (0 = the teacher): pooled, and mean ± SD over folds.</summary>
public sealed record GenerationReport(int Generation, string Name, IReadOnlyDictionary<string, ClassReport> PerClass,
    IReadOnlyDictionary<string, ClassReport> MeanOverFolds);

public sealed record DivergenceReport(int Fold, int Generation, string Kind, string Reason)
{
    public static DivergenceReport From(DivergenceFinding f) => new(f.Fold, f.Generation, JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Kind.ToString()), f.Reason);
}

/// <summary>Stored as the run's ResultJson (snake_case); confusion rows gold, columns predicted.</summary>
public sealed record TrainingReport(
    string Device,
    int Slices,
    int Scans,
    IReadOnlyDictionary<string, ClassReport> PerClass,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
    IReadOnlyList<FoldReport> Folds)
{
    public IReadOnlyList<DivergenceReport> Diverged { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>95 % intervals of <see cref="PerClass"/> (bootstrap over scans); null for runs stored before they were.</summary>
    public IReadOnlyDictionary<string, ClassIntervalsReport>? Ci95 { get; init; }

    /// <summary>True when a chance-level finding is among the warnings: the review queue asks before using the run.</summary>
    public bool ChanceLevel { get; init; }

    public IReadOnlyList<GenerationReport> Generations { get; init; } = [];

    /// <summary>The tensor layout the network ran in ("channels-last": the CPU fast path, checked on that CPU); null for runs from before it was recorded.</summary>
    public string? Layout { get; init; }

    public static TrainingReport? Read(BlendSign.Data.Training.TrainingRun run) =>
        run.ResultJson is null ? null : JsonSerializer.Deserialize<TrainingReport>(run.ResultJson, TrainingJson.Options);

    public static TrainingReport From(CrossValidationResult result)
    {
        string[] names = [.. HemorrhageClassNames.All.Select(c => c.ToWireName())];
        var intervals = ScanBootstrap.Intervals(result.Predictions);
        var chance = BlendSign.Model.Health.ChanceLevel.Findings(result.Predictions, result.Metrics, intervals, names);
        return Create(result) with
        {
            Ci95 = ClassIntervalsReport.From(intervals),
            Warnings = [.. OutputHealth.Warnings(result.Predictions, names), .. chance],
            ChanceLevel = chance.Count > 0,
        };
    }

    private static TrainingReport Create(CrossValidationResult result) => new(
        result.Device,
        result.Predictions.Count,
        result.Predictions.Select(p => p.GroupId).Distinct().Count(),
        ClassReport.From(result.Metrics),
        result.Metrics.ConfusionMatrix,
        [.. result.Folds.Select(f => new FoldReport(f.Fold, f.TrainingExamples, f.HeldOutExamples, f.HeldOutGroups,
            f.LastEpochLoss, ClassReport.From(f.Metrics), f.Metrics.ConfusionMatrix))])
    {
        Layout = result.Layout,
        Diverged = [.. result.Findings.Select(DivergenceReport.From)],
        Generations = [.. result.Generations.Select(g => new GenerationReport(g.Generation, g.Name, ClassReport.From(g.Metrics),
            HemorrhageClassNames.All.ToDictionary(c => c.ToWireName(), c => ClassReport.FromMean(g.MeanOverFolds[(int)c]))))],
    };
}
