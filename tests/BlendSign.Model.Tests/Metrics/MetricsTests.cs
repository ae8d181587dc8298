using System.Text.Json;
using BlendSign.Model.Metrics;

namespace BlendSign.Model.Tests.Metrics;

/// <summary>Compares with scikit-learn's values in TestData/metrics_vectors.json (see generate_metrics_vectors.py).</summary>
public class MetricsTests
{
    private static readonly Lazy<JsonElement> Vectors = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "metrics_vectors.json"))).RootElement);

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var item in Vectors.Value.GetProperty("cases").EnumerateArray())
        {
            names.Add(item.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compute_FixedVectors_EqualsScikitLearn(string name)
    {
        var item = Vectors.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var gold = item.GetProperty("gold").EnumerateArray().Select(g => g.GetInt32()).ToArray();
        var probabilities = item.GetProperty("probabilities").EnumerateArray()
            .Select(row => (IReadOnlyList<double>)row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

        var metrics = ClassificationMetrics.Compute(gold, probabilities);

        var expected = item.GetProperty("per_class").EnumerateArray().ToArray();
        for (var c = 0; c < 3; c++)
        {
            AssertClose(expected[c].GetProperty("sensitivity"), metrics.PerClass[c].Sensitivity);
            AssertClose(expected[c].GetProperty("specificity"), metrics.PerClass[c].Specificity);
            AssertClose(expected[c].GetProperty("f1"), metrics.PerClass[c].F1);
            AssertClose(expected[c].GetProperty("auc"), metrics.PerClass[c].Auc);
        }

        var matrix = item.GetProperty("confusion_matrix").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        Assert.Equal(matrix, metrics.ConfusionMatrix.Select(row => row.ToArray()).ToArray());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RocCurve_FixedVectors_EqualsScikitLearnsPoints(string name)
    {
        var item = Vectors.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var gold = item.GetProperty("gold").EnumerateArray().Select(g => g.GetInt32()).ToArray();
        var probabilities = item.GetProperty("probabilities").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var expected = item.GetProperty("per_class").EnumerateArray().ToArray();

        for (var c = 0; c < 3; c++)
        {
            var curve = RocCurve.Compute(gold.Select(g => g == c).ToArray(), probabilities.Select(p => p[c]).ToArray());
            var roc = expected[c].GetProperty("roc");
            if (roc.ValueKind == JsonValueKind.Null)
            {
                Assert.Empty(curve);
                continue;
            }

            Assert.Equal(Doubles(roc, "fpr"), curve.Select(p => p.FalsePositiveRate), Close);
            Assert.Equal(Doubles(roc, "tpr"), curve.Select(p => p.TruePositiveRate), Close);
            Assert.Equal(Doubles(roc, "thresholds"), curve.Skip(1).Select(p => p.Threshold), Close);
            Assert.Equal(double.PositiveInfinity, curve[0].Threshold);
        }
    }

    [Fact]
    public void FoldAverage_TwoFolds_MeanAndSampleSdOfDefinedValues()
    {
        var summary = FoldAverage.Summarise([0.5, null, 0.7]);

        Assert.Equal(0.6, summary.Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(0.02), summary.StandardDeviation!.Value, 12);
        Assert.Equal(2, summary.Folds);
        Assert.Null(FoldAverage.Summarise([null]).Mean);
    }

    private static readonly IEqualityComparer<double> Close = EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) < 1e-12, v => 0);

    private static double[] Doubles(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Fact]
    public void RocAuc_AllScoresTied_IsOneHalf() =>
        Assert.Equal(0.5, RocAuc.Compute([true, false, true, false], [0.3, 0.3, 0.3, 0.3]));

    [Fact]
    public void RocAuc_OnlyPositives_IsNull() =>
        Assert.Null(RocAuc.Compute([true, true], [0.1, 0.9]));

    [Fact]
    public void Compute_ClassNeverPredictedNorPresent_LeavesF1AndSensitivityUndefined()
    {
        var metrics = ClassificationMetrics.Compute([0, 1], [[0.9, 0.05, 0.05], [0.1, 0.8, 0.1]]);

        var blendSign = metrics.PerClass[2];
        Assert.Null(blendSign.Sensitivity);
        Assert.Null(blendSign.F1);
        Assert.Null(blendSign.Auc);
        Assert.Equal(1.0, blendSign.Specificity);
    }

    private static void AssertClose(JsonElement expected, double? actual)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.GetDouble(), actual.Value, 12);
    }
}
