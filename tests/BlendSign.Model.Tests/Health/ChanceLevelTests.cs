using BlendSign.Model.CrossValidation;
using BlendSign.Model.Health;
using BlendSign.Model.Metrics;

namespace BlendSign.Model.Tests.Health;

public class ChanceLevelTests
{
    private static readonly string[] ClassNames = ["non_ich", "normal_ich", "blend_sign"];

    [Fact]
    public void Findings_TheStudySizedRunOfIssue23_NoneOfTheBlendSignsAndOneClassForNearlyAll()
    {
        // 16,217 slices of 1,614 scans; confusion [[11170,0,0],[4542,6,0],[493,6,0]] and AUCs near 0.54, as that run.
        var predictions = IssueRun();
        var metrics = ClassificationMetrics.Compute(predictions);
        Assert.Equal([[11170, 0, 0], [4542, 6, 0], [493, 6, 0]], metrics.ConfusionMatrix.Select(r => r.ToArray()).ToArray());

        var findings = ChanceLevel.Findings(predictions, metrics, ScanBootstrap.Intervals(predictions, resamples: 200), ClassNames);

        Assert.Contains("It finds none of the 499 blend_sign slices (sensitivity 0).", findings);
        Assert.Contains("It predicts non_ich for 99.9 % of the slices (16205 of 16217).", findings);
    }

    [Fact]
    public void Findings_AucIntervalAroundHalf_NoBetterThanChanceForThatClass()
    {
        // Scores that ignore the class: every AUC interval straddles 0.5.
        var random = new Random(5);
        var predictions = Enumerable.Range(0, 600).Select(i =>
        {
            var gold = i % 10 == 0 ? 2 : i % 3 == 0 ? 1 : 0;
            var p = new[] { 0.5 + random.NextDouble() * 0.1, random.NextDouble() * 0.2, random.NextDouble() * 0.2 };
            return new OofPrediction($"s{i}", $"scan{i / 6}", 0, gold, p);
        }).ToList();
        var metrics = ClassificationMetrics.Compute(predictions);

        var findings = ChanceLevel.Findings(predictions, metrics, ScanBootstrap.Intervals(predictions, resamples: 300), ClassNames);

        Assert.Contains(findings, f => f.StartsWith("This model is no better than chance for blend_sign: the 95 % interval of its AUC (", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_AucIntervalBelowHalf_WorseThanChanceForThatClass()
    {
        // The blend-sign score is highest on the slices without one: the ranking is inverted.
        var random = new Random(6);
        var predictions = Enumerable.Range(0, 400).Select(i =>
        {
            var gold = i % 5 == 0 ? 2 : 0;
            var blend = gold == 2 ? 0.1 * random.NextDouble() : 0.2 + 0.1 * random.NextDouble();
            return new OofPrediction($"s{i}", $"scan{i / 5}", 0, gold, [1 - blend, 0, blend]);
        }).ToList();
        var metrics = ClassificationMetrics.Compute(predictions);

        var findings = ChanceLevel.Findings(predictions, metrics, ScanBootstrap.Intervals(predictions, resamples: 200), ClassNames);

        Assert.Contains(findings, f => f.StartsWith("This model is worse than chance for blend_sign", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_AHealthyModel_None()
    {
        var random = new Random(9);
        var predictions = Enumerable.Range(0, 480).Select(i =>
        {
            var gold = i % 10 == 0 ? 2 : i % 3 == 0 ? 1 : 0;
            // Right nine times in ten, with some spread in its confidence.
            var called = random.NextDouble() < 0.9 ? gold : (gold + 1) % 3;
            var p = new double[3];
            p[called] = 0.6 + random.NextDouble() * 0.3;
            p[(called + 1) % 3] = (1 - p[called]) * 0.6;
            p[(called + 2) % 3] = (1 - p[called]) * 0.4;
            return new OofPrediction($"s{i}", $"scan{i / 8}", 0, gold, p);
        }).ToList();
        var metrics = ClassificationMetrics.Compute(predictions);

        Assert.Empty(ChanceLevel.Findings(predictions, metrics, ScanBootstrap.Intervals(predictions, resamples: 300), ClassNames));
    }

    private static List<OofPrediction> IssueRun()
    {
        var random = new Random(23);
        (int Gold, int Count, int CalledNormal)[] groups = [(0, 11170, 0), (1, 4548, 6), (2, 499, 6)];
        var predictions = new List<OofPrediction>();
        foreach (var (gold, count, calledNormal) in groups)
        {
            for (var i = 0; i < count; i++)
            {
                var n = predictions.Count;
                double[] p = i < calledNormal
                    ? [0.2, 0.7, 0.1]
                    : [0, 0.1 + 0.1 * random.NextDouble() + (gold == 1 ? 0.01 : 0), 0.05 + 0.1 * random.NextDouble() + (gold == 2 ? 0.01 : 0)];
                p[0] = i < calledNormal ? p[0] : 1 - p[1] - p[2];
                predictions.Add(new OofPrediction($"s{n}", $"scan{n % 1614:D4}", n % 2, gold, p));
            }
        }

        return predictions;
    }
}
