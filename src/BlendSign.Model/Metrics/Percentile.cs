namespace BlendSign.Model.Metrics;

// Linear interpolation between the closest ranks: numpy.percentile's default, so references computed there agree.
internal static class Percentile
{
    public static double OfSorted(IReadOnlyList<double> sorted, double quantile)
    {
        var position = quantile * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>The 2.5 and 97.5 percentiles of the defined (non-NaN) values; null when fewer than two are.</summary>
    public static Interval? Interval95(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length < 2 ? null : new Interval(OfSorted(sorted, 0.025), OfSorted(sorted, 0.975));
    }
}
