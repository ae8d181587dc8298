using BlendSign.Data.Statistics;

namespace BlendSign.Web.Features.Reading.Load;

/// <summary>Request latencies in milliseconds: how many, and their percentiles (null when there were none).</summary>
public sealed record LatencySummary(int Count, double? P50, double? P95, double? P99, double? Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, null, null, null, null);
        }

        return new LatencySummary(sorted.Length,
            Round(Quantiles.OfSorted(sorted, 0.50)), Round(Quantiles.OfSorted(sorted, 0.95)), Round(Quantiles.OfSorted(sorted, 0.99)), Round(sorted[^1]));
    }

    private static double Round(double value) => Math.Round(value, 2);
}
