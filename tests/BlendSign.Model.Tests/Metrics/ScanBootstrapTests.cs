using System.Text.Json;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Metrics;

namespace BlendSign.Model.Tests.Metrics;

/// <summary>Compares with numpy and scikit-learn in TestData/bootstrap_reference.json (see generate_bootstrap_reference.py).</summary>
public class ScanBootstrapTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "bootstrap_reference.json"))).RootElement);

    private static readonly string[] MetricNames = ["sensitivity", "specificity", "f1", "auc"];

    [Fact]
    public void Intervals_NumpyResamples_EqualScikitLearnPercentilesTo1e6()
    {
        var predictions = Predictions();
        var resamples = Reference.Value.GetProperty("resamples").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(i => i.GetInt32()).ToArray()).ToList();

        var intervals = ScanBootstrap.Intervals(predictions, resamples);

        var expected = Reference.Value.GetProperty("expected");
        for (var c = 0; c < 3; c++)
        {
            Interval?[] actual = [intervals[c].Sensitivity, intervals[c].Specificity, intervals[c].F1, intervals[c].Auc];
            for (var m = 0; m < MetricNames.Length; m++)
            {
                var bounds = expected[c].GetProperty(MetricNames[m]);
                Assert.NotNull(actual[m]);
                Assert.Equal(bounds[0].GetDouble(), actual[m]!.Lower, 1e-6);
                Assert.Equal(bounds[1].GetDouble(), actual[m]!.Upper, 1e-6);
            }
        }
    }

    [Fact]
    public void Intervals_EveryScanOnce_PointEstimatesOfClassificationMetrics()
    {
        var predictions = Predictions();
        var everyScanOnce = new[] { Enumerable.Range(0, ScanBootstrap.ScansOf(predictions).Count).ToArray() };

        var samples = ScanBootstrap.Samples(predictions, everyScanOnce);

        var metrics = ClassificationMetrics.Compute(predictions);
        for (var c = 0; c < 3; c++)
        {
            var m = metrics.PerClass[c];
            Assert.Equal(new[] { m.Sensitivity!.Value, m.Specificity!.Value, m.F1!.Value, m.Auc!.Value }, samples[0][(c * 4)..(c * 4 + 4)], new Tolerance(1e-12));
        }
    }

    [Fact]
    public void Intervals_SameSeed_SameIntervalsAndTheyHoldThePointEstimate()
    {
        var predictions = Predictions();

        var first = ScanBootstrap.Intervals(predictions, resamples: 400, seed: 3);
        var second = ScanBootstrap.Intervals(predictions, resamples: 400, seed: 3);

        Assert.Equal(first, second);
        var auc = ClassificationMetrics.Compute(predictions).PerClass[2].Auc!.Value;
        Assert.True(first[2].Auc!.Contains(auc), $"{auc} outside {first[2].Auc}");
    }

    [Fact]
    public void PairedDifference_RunAgainstItself_ZeroWithPValueOne()
    {
        var predictions = Predictions();

        var differences = PairedDifference.Compare(predictions, predictions, resamples: 200);

        Assert.All(differences.SelectMany(c => c), d =>
        {
            Assert.Equal(0, d.Difference);
            Assert.Equal(new Interval(0, 0), d.Ci95);
            Assert.Equal(1, d.PValue);
        });
    }

    [Fact]
    public void PairedDifference_BetterScoresOnTheSameSlices_PositiveAucDifferenceWithAnIntervalAboveZero()
    {
        var baseline = Predictions();
        // The same slices with the gold class's probability raised: a better ranking everywhere.
        var better = baseline.Select(p => p with
        {
            Probabilities = [.. p.Probabilities.Select((v, c) => c == p.Label ? v + 0.5 : v)],
        }).ToList();

        var auc = PairedDifference.Compare(baseline, better, resamples: 300)[2][PairedDifference.Auc];

        Assert.True(auc.Difference > 0, $"{auc}");
        Assert.True(auc.Ci95!.Lower > 0, $"{auc}");
        Assert.True(auc.PValue < 0.05, $"{auc}");
    }

    internal static List<OofPrediction> Predictions() =>
        [.. Reference.Value.GetProperty("slices").EnumerateArray().Select(s => new OofPrediction(
            s.GetProperty("id").GetString()!, s.GetProperty("scan").GetString()!, 0, s.GetProperty("gold").GetInt32(),
            [.. s.GetProperty("p").EnumerateArray().Select(v => v.GetDouble())]))];

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
