using BlendSign.Data.Statistics;

namespace BlendSign.Data.Agreement;

/// <summary>Resamples scans, not slices, so slices of one patient always travel together.</summary>
internal static class ScanBootstrap
{
    private const double LowerQuantile = 0.025;
    private const double UpperQuantile = 0.975;

    public static ConfidenceInterval[] Run(ScanStatistics statistics, AgreementLayout layout, int resamples, int seed)
    {
        var random = new Random(seed);
        var sums = new long[layout.Stride];
        var kappas = new double[layout.MetricCount];
        var samples = new double[layout.MetricCount][];
        for (var m = 0; m < samples.Length; m++)
        {
            samples[m] = new double[resamples];
        }

        for (var b = 0; b < resamples; b++)
        {
            Array.Clear(sums);
            for (var s = 0; s < statistics.Scans; s++)
            {
                statistics.AddRow(sums, random.Next(statistics.Scans), layout.Stride);
            }

            AgreementEvaluator.Evaluate(layout, sums, kappas, []);
            for (var m = 0; m < kappas.Length; m++)
            {
                samples[m][b] = kappas[m];
            }
        }

        return samples.Select(s =>
        {
            Array.Sort(s);
            return new ConfidenceInterval(Quantiles.OfSorted(s, LowerQuantile), Quantiles.OfSorted(s, UpperQuantile));
        }).ToArray();
    }
}
