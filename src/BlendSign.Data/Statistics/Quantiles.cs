namespace BlendSign.Data.Statistics;

/// <summary>Quantiles of a sample, as numpy computes them by default (linear interpolation, Hyndman–Fan type 7).</summary>
public static class Quantiles
{
    /// <summary>The <paramref name="q"/> quantile (0 to 1) of values already sorted ascending; NaN for no values.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Count - 1) * q;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }
}
