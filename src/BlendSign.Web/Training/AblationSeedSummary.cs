using BlendSign.Data.Labels;
using BlendSign.Model.Metrics;

namespace BlendSign.Web.Training;

/// <summary>
/// One ablation row (WCE, WCE+AT, WCE+AT+SKD) over several seeds: its runs and, per class, each metric's mean and
/// sample SD over the seeds' pooled out-of-fold results (the spread one CPU run cannot show). Diverged runs are
/// counted in (a row that diverges for one seed in three is part of what the row does) and counted apart.
/// </summary>
public sealed record AblationSeedSummary(
    string Variant,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<int> RunIds,
    int DivergedRuns,
    IReadOnlyDictionary<string, ClassMetricsSummary> PerClass)
{
    /// <summary>Groups the rows of every seed's ablation by variant, in the order the first seed gave them.</summary>
    public static IReadOnlyList<AblationSeedSummary> From(IReadOnlyList<(int Seed, TrainingRunOutcome Outcome)> rows) =>
    [
        .. rows.Where(r => r.Outcome.Report is not null)
            .GroupBy(r => r.Outcome.Variant ?? "")
            .Select(g => new AblationSeedSummary(
                g.Key,
                [.. g.Select(r => r.Seed)],
                [.. g.Select(r => r.Outcome.RunId)],
                g.Count(r => r.Outcome.Status == Data.Training.TrainingRunStatus.Diverged),
                HemorrhageClassNames.All.Select(c => c.ToWireName()).ToDictionary(c => c, c => OverSeeds(
                    [.. g.Select(r => r.Outcome.Report!.PerClass[c])])))),
    ];

    // FoldAverage's summary, over seeds instead of folds: its count is the number of runs where the metric is defined.
    private static ClassMetricsSummary OverSeeds(IReadOnlyList<ClassReport> runs) => new(
        FoldAverage.Summarise(runs.Select(r => r.Sensitivity)),
        FoldAverage.Summarise(runs.Select(r => r.Specificity)),
        FoldAverage.Summarise(runs.Select(r => r.F1)),
        FoldAverage.Summarise(runs.Select(r => r.Auc)));
}

