using BlendSign.Data.Labels;

namespace BlendSign.Data.Agreement;

/// <summary>Only slices read by every rater are compared; intervals come from a bootstrap that resamples scans.</summary>
public static class AgreementCalculator
{
    public static AgreementReport Compute(LabelMatrix matrix, AgreementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= AgreementOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(options.BootstrapResamples);

        var raters = matrix.Raters;
        if (raters.Count < 2)
        {
            var read = raters.Count == 0 ? [] : matrix.Slices.Where(LabelMatrix.IsComplete).ToList();
            return Undefined(matrix, options, read.Count, read.Select(s => s.ScanId).Distinct().Count(),
                $"Agreement needs at least two raters; found {raters.Count}.");
        }

        var layout = new AgreementLayout(raters.Count);
        var statistics = ScanStatistics.Build(matrix, layout);
        if (statistics.Slices == 0)
        {
            return Undefined(matrix, options, 0, 0, "No slice was read by every rater.");
        }

        var kappas = new double[layout.MetricCount];
        var percents = new double[layout.MetricCount];
        AgreementEvaluator.Evaluate(layout, statistics.Totals(layout.Stride), kappas, percents);
        var intervals = options.BootstrapResamples > 0
            ? ScanBootstrap.Run(statistics, layout, options.BootstrapResamples, options.Seed)
            : null;

        ClassAgreement Group(int group) => new(
            kappas[layout.FleissMetric(group)],
            intervals?[layout.FleissMetric(group)],
            layout.Pairs.Select((pair, p) =>
            {
                var metric = layout.CohenMetric(group, p);
                return new PairAgreement(
                    [raters[pair.First], raters[pair.Second]],
                    percents[metric],
                    kappas[metric],
                    intervals?[metric],
                    LandisKoch.Interpret(kappas[metric]));
            }).ToList(),
            LandisKoch.Interpret(kappas[layout.FleissMetric(group)]));

        return new AgreementReport(
            raters,
            statistics.Slices,
            ByClass(Group),
            Group(AgreementLayout.OverallGroup),
            statistics.Scans,
            options.BootstrapResamples,
            options.Seed,
            Note: null);
    }

    private static AgreementReport Undefined(LabelMatrix matrix, AgreementOptions options, int slices, int scans, string reason)
    {
        var raters = matrix.Raters;
        var pairs = new AgreementLayout(raters.Count).Pairs
            .Select(p => new PairAgreement([raters[p.First], raters[p.Second]], null, null, null, null))
            .ToList();
        var empty = new ClassAgreement(null, null, pairs, null);
        return new AgreementReport(raters, slices, ByClass(_ => empty), empty, scans, options.BootstrapResamples, options.Seed, reason);
    }

    private static Dictionary<string, ClassAgreement> ByClass(Func<int, ClassAgreement> group) =>
        HemorrhageClassNames.All.ToDictionary(c => c.ToWireName(), c => group((int)c), StringComparer.Ordinal);
}
