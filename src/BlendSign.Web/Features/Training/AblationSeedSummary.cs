using BlendSign.Data.Labels;
using BlendSign.Model.Metrics;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// Per class, each metric's mean and sample SD over the seeds (the spread one CPU run cannot show). Diverged runs are
/// counted in (a row that diverges for one seed in three is part of what the row does) and counted apart.
/// </summary>
public sealed record AblationSeedSummary(
    string Variant,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<int> RunIds,
    int DivergedRuns,
    IReadOnlyDictionary<string, ClassMetricsOverSeeds> PerClass)
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

    private static ClassMetricsOverSeeds OverSeeds(IReadOnlyList<ClassReport> runs) => new(
        SeedSpread.Of(runs.Select(r => r.Sensitivity)),
        SeedSpread.Of(runs.Select(r => r.Specificity)),
        SeedSpread.Of(runs.Select(r => r.F1)),
        SeedSpread.Of(runs.Select(r => r.Auc)));
}

public sealed record ClassMetricsOverSeeds(SeedSpread Sensitivity, SeedSpread Specificity, SeedSpread F1, SeedSpread Auc);

/// <summary>A metric's mean and sample SD over seeds; <see cref="Seeds"/> counts the runs where it is defined.</summary>
public sealed record SeedSpread(double? Mean, double? StandardDeviation, int Seeds)
{
    public static SeedSpread Of(IEnumerable<double?> values)
    {
        var summary = FoldAverage.Summarise(values);
        return new SeedSpread(summary.Mean, summary.StandardDeviation, summary.Folds);
    }
}

