using BlendSign.Model.CrossValidation;

namespace BlendSign.Model.Metrics;

/// <summary>
/// How much a method (e.g. WCE+AT) changed a metric over another (WCE) on the same out-of-fold slices: the point
/// difference, its 95 % interval from the paired scan bootstrap (both runs resampled with the same scans) and a
/// two-sided bootstrap p-value (twice the share of resamples on the far side of zero, at most 1).
/// </summary>
public sealed record PairedDifference(double? Difference, Interval? Ci95, double? PValue)
{
    public const int Sensitivity = 0;
    public const int Specificity = 1;
    public const int F1 = 2;
    public const int Auc = 3;

    /// <summary>
    /// Every class's four metrics, <c>[class][metric]</c>. Both runs must hold the same slices (their sample ids); only
    /// slices in both are compared.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<PairedDifference>> Compare(
        IReadOnlyList<OofPrediction> baseline, IReadOnlyList<OofPrediction> method,
        int resamples = ScanBootstrap.DefaultResamples, int seed = ScanBootstrap.DefaultSeed, int classes = 3)
    {
        var shared = baseline.Select(p => p.SampleId).Intersect(method.Select(p => p.SampleId), StringComparer.Ordinal)
            .ToHashSet(StringComparer.Ordinal);
        var first = baseline.Where(p => shared.Contains(p.SampleId)).OrderBy(p => p.SampleId, StringComparer.Ordinal).ToList();
        var second = method.Where(p => shared.Contains(p.SampleId)).OrderBy(p => p.SampleId, StringComparer.Ordinal).ToList();
        var draws = ScanBootstrap.Draw(ScanBootstrap.ScansOf(first).Count, resamples, seed).ToList();
        var before = ScanBootstrap.Samples(first, draws, classes);
        var after = ScanBootstrap.Samples(second, draws, classes);
        var all = Enumerable.Repeat(1, first.Count).ToArray();
        var pointBefore = new WeightedMetrics(first, classes).Compute(all);
        var pointAfter = new WeightedMetrics(second, classes).Compute(all);
        return [.. Enumerable.Range(0, classes).Select(c => (IReadOnlyList<PairedDifference>)[.. Enumerable.Range(0, 4).Select(m =>
        {
            var k = c * 4 + m;
            var point = pointAfter[k] - pointBefore[k];
            var differences = before.Zip(after, (b, a) => a[k] - b[k]).Where(d => !double.IsNaN(d)).ToArray();
            double? p = differences.Length == 0
                ? null
                : Math.Min(1, 2 * Math.Min(differences.Count(d => d <= 0), differences.Count(d => d >= 0)) / (double)differences.Length);
            return new PairedDifference(double.IsNaN(point) ? null : point, Percentile.Interval95(differences), p);
        })])];
    }
}
