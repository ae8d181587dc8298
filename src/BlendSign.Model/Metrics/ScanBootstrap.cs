using BlendSign.Model.CrossValidation;

namespace BlendSign.Model.Metrics;

/// <summary>
/// 95 % intervals for Table 3 from a percentile bootstrap over scans, the unit the folds split by: each resample
/// draws as many scans as there are, with replacement, and every slice of a drawn scan counts once per draw.
/// Scans are indexed in ordinal order of their group id; a resample is the list of drawn scan indices.
/// Resamples where a metric is undefined (no positives drawn) are left out of that metric's interval.
/// </summary>
public static class ScanBootstrap
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 20240521;

    public static IReadOnlyList<string> ScansOf(IReadOnlyList<OofPrediction> predictions) =>
        [.. predictions.Select(p => p.GroupId).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The resamples this app draws: <see cref="Random"/> with the seed, one scan index per draw.</summary>
    public static IEnumerable<int[]> Draw(int scans, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        for (var b = 0; b < resamples; b++)
        {
            var drawn = new int[scans];
            for (var s = 0; s < scans; s++)
            {
                drawn[s] = random.Next(scans);
            }

            yield return drawn;
        }
    }

    public static IReadOnlyList<ClassIntervals> Intervals(IReadOnlyList<OofPrediction> predictions, int resamples = DefaultResamples, int seed = DefaultSeed) =>
        Intervals(predictions, Draw(ScansOf(predictions).Count, resamples, seed));

    public static IReadOnlyList<ClassIntervals> Intervals(IReadOnlyList<OofPrediction> predictions, IEnumerable<int[]> resamples, int classes = 3)
    {
        var samples = Samples(predictions, resamples, classes);
        return [.. Enumerable.Range(0, classes).Select(c => new ClassIntervals(
            Percentile.Interval95(samples.Select(s => s[c * 4])),
            Percentile.Interval95(samples.Select(s => s[c * 4 + 1])),
            Percentile.Interval95(samples.Select(s => s[c * 4 + 2])),
            Percentile.Interval95(samples.Select(s => s[c * 4 + 3]))))];
    }

    /// <summary>Every resample's metrics (<c>[class * 4 + metric]</c>: sensitivity, specificity, F1, AUC).</summary>
    internal static List<double[]> Samples(IReadOnlyList<OofPrediction> predictions, IEnumerable<int[]> resamples, int classes = 3)
    {
        var scanIndex = ScansOf(predictions).Select((id, i) => (id, i)).ToDictionary(s => s.id, s => s.i, StringComparer.Ordinal);
        var sliceScan = predictions.Select(p => scanIndex[p.GroupId]).ToArray();
        var metrics = new WeightedMetrics(predictions, classes);
        var draws = new int[scanIndex.Count];
        var weights = new int[predictions.Count];
        var samples = new List<double[]>();
        foreach (var resample in resamples)
        {
            Array.Clear(draws);
            foreach (var scan in resample)
            {
                draws[scan]++;
            }

            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = draws[sliceScan[i]];
            }

            samples.Add(metrics.Compute(weights));
        }

        return samples;
    }
}
