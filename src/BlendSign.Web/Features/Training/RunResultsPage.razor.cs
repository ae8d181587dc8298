using BlendSign.Data.Labels;
using BlendSign.Data.Training;
using BlendSign.Model.Metrics;
using Microsoft.AspNetCore.Components;

namespace BlendSign.Web.Features.Training;

public partial class RunResultsPage
{
    private const int GradCamShown = 4;
    private bool _gradCamOn;

    private bool _loaded;
    private RunResults? _results;
    private IReadOnlyList<RunResults> _methods = [];
    private IReadOnlyList<Table3Row> _table = [];
    private IReadOnlyList<AblationDifference> _ablationDifferences = [];
    private IReadOnlyList<TrainingRun> _others = [];
    private List<OofSlice> _gradCamSlices = [];
    private IReadOnlyList<OofSlice> _pickable = [];
    private int? _compareId;
    private RunResults? _compare;
    private IReadOnlyList<ComparisonLine> _comparison = [];

    [Parameter]
    public int RunId { get; set; }

    [Inject]
    private RunResultsService Results { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        _gradCamOn = false;
        _compare = null;
        _comparison = [];
        _compareId = null;
        _results = await Results.LoadAsync(RunId);
        if (_results is not null)
        {
            _methods = _results.Run.AblationGroup is { } group ? await Results.LoadAblationAsync(group) : [_results];
            if (_methods.Count == 0)
            {
                _methods = [_results];
            }

            _table = Table3Row.Build(_methods);
            _ablationDifferences = await Results.AblationDifferencesAsync(_methods);
            _others = [.. (await Results.ListCompletedAsync()).Where(r => r.Id != RunId)];
            var byBlendSign = _results.Predictions.OrderByDescending(p => p.Probabilities[(int)HemorrhageClass.BlendSign]).ToList();
            _gradCamSlices = [.. byBlendSign.Take(GradCamShown)];
            _pickable = [.. byBlendSign.Take(200)];
        }

        _loaded = true;
    }

    private void AddGradCam(string? sop)
    {
        if (_results?.Predictions.FirstOrDefault(p => p.SopInstanceUid == sop) is { } slice && !_gradCamSlices.Contains(slice))
        {
            _gradCamSlices.Insert(0, slice);
        }
    }

    private async Task CompareAsync(int? runId)
    {
        _compareId = runId;
        _compare = runId is { } id ? await Results.LoadAsync(id) : null;
        // Once per choice, not per render: the paired bootstrap behind each line resamples every shared slice.
        _comparison = _compare is null || _results is null ? [] : ComparisonLines(_results, _compare);
    }

    private IReadOnlyList<RocChart.RocLine> RocLines(HemorrhageClass c) =>
        [.. _methods.Select(m => new RocChart.RocLine(m.Method, m.RocCurves[(int)c], m.Pooled.PerClass[(int)c].Auc))];

    /// <summary>The report's findings, or the run's stored reason when the report has none (runs stored before reports held them).</summary>
    private static IReadOnlyList<string> DivergenceReasons(RunResults results) =>
        results.Report is { Diverged.Count: > 0 } report ? [.. report.Diverged.Select(d => d.Reason)] : [results.Run.Error ?? "diverged"];

    private static MarkupString Cell(MetricSummary mean, double? pooled, Interval? ci) =>
        new($"{TrainingFormat.MeanSd(mean)}<br/><small>pooled {TrainingFormat.Metric(pooled)}{TrainingFormat.Ci(ci)}</small>");

    private static string Describe(RunResults results) => results.Settings is not { } s
        ? $"{results.Predictions.Count} slices"
        : $"{s.Backbone}, {TrainingFormat.Count(s.Folds, "fold")}, {TrainingFormat.Count(s.Epochs, "epoch")}, {s.ImageSize} px, detection {(s.Detection ? "on" : "off")}, " +
          $"SKD {(s.Distillation ? $"{s.Generations} generation(s)" : "off")}, augmentation {(s.Augment ? "on" : "off")} · {results.Predictions.Count} slices";

    internal static IReadOnlyList<ComparisonLine> ComparisonLines(RunResults one, RunResults other)
    {
        (string Name, Func<ClassMetrics, double?> Pooled, Func<ClassMetricsSummary, MetricSummary> Mean)[] metrics =
        [
            ("sensitivity", m => m.Sensitivity, m => m.Sensitivity),
            ("specificity", m => m.Specificity, m => m.Specificity),
            ("f1", m => m.F1, m => m.F1),
            ("auc", m => m.Auc, m => m.Auc),
        ];
        // Paired on the slices both runs predicted (the same scans resampled for both); none shared: no paired difference.
        var paired = PairedDifference.Compare(other.OutOfFold, one.OutOfFold);
        return [.. HemorrhageClassNames.All.SelectMany(c => metrics.Select((m, k) => new ComparisonLine(
            c.ToWireName(), m.Name,
            m.Pooled(one.Pooled.PerClass[(int)c]), m.Pooled(other.Pooled.PerClass[(int)c]),
            m.Mean(one.MeanOverFolds[(int)c]), m.Mean(other.MeanOverFolds[(int)c]))
        {
            ThisCi = IntervalOf(one, (int)c, k),
            OtherCi = IntervalOf(other, (int)c, k),
            Paired = paired[(int)c][k],
        }))];
    }

    private static Interval? IntervalOf(RunResults results, int c, int metric) => results.Intervals.ElementAtOrDefault(c) is not { } ci
        ? null
        : metric switch { 0 => ci.Sensitivity, 1 => ci.Specificity, 2 => ci.F1, _ => ci.Auc };

    internal sealed record ComparisonLine(string Class, string Metric, double? This, double? Other, MetricSummary ThisMean, MetricSummary OtherMean)
    {
        public Interval? ThisCi { get; init; }

        public Interval? OtherCi { get; init; }

        /// <summary>This run minus the other on the shared slices, with its paired interval and p-value.</summary>
        public PairedDifference? Paired { get; init; }
    }
}
