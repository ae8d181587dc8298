using System.Text.Json;
using BlendSign.Data.Training;
using BlendSign.Web.Cli;
using BlendSign.Web.Features.Training;

namespace BlendSign.Web.Tests.Features.Training;

public sealed class AblationSeedSummaryTests
{
    [Fact]
    public void From_ThreeSeedsOfTwoRows_MeanAndSampleSdPerRowCountedInSeeds()
    {
        (int, TrainingRunOutcome)[] rows =
        [
            (42, Outcome(1, "wce", TrainingRunStatus.Completed, blendSensitivity: 0.5, blendAuc: 0.9)),
            (42, Outcome(2, "wce_at_skd", TrainingRunStatus.Completed, blendSensitivity: 0.7, blendAuc: 0.95)),
            (43, Outcome(3, "wce", TrainingRunStatus.Completed, blendSensitivity: 0.7, blendAuc: 0.9)),
            (43, Outcome(4, "wce_at_skd", TrainingRunStatus.Diverged, blendSensitivity: 0.9, blendAuc: null)),
            (44, Outcome(5, "wce", TrainingRunStatus.Completed, blendSensitivity: 0.6, blendAuc: 0.9)),
            (44, Outcome(6, "wce_at_skd", TrainingRunStatus.Completed, blendSensitivity: 0.8, blendAuc: 0.97)),
        ];

        var summary = AblationSeedSummary.From(rows);

        Assert.Equal(["wce", "wce_at_skd"], summary.Select(s => s.Variant));
        var wce = summary[0];
        Assert.Equal([42, 43, 44], wce.Seeds);
        Assert.Equal([1, 3, 5], wce.RunIds);
        Assert.Equal(0, wce.DivergedRuns);
        Assert.Equal(0.6, wce.PerClass["blend_sign"].Sensitivity.Mean!.Value, 12);
        Assert.Equal(0.1, wce.PerClass["blend_sign"].Sensitivity.StandardDeviation!.Value, 12);
        Assert.Equal(3, wce.PerClass["blend_sign"].Sensitivity.Seeds);
        var skd = summary[1];
        Assert.Equal(1, skd.DivergedRuns);
        Assert.Equal(2, skd.PerClass["blend_sign"].Auc.Seeds);
        Assert.Equal(0.96, skd.PerClass["blend_sign"].Auc.Mean!.Value, 12);
    }

    [Fact]
    public void Json_SeedSpread_NamesItsCountSeedsNotFolds()
    {
        var summary = AblationSeedSummary.From([(42, Outcome(1, "wce", TrainingRunStatus.Completed, 0.5, 0.9))]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(summary, CliJson.Options));

        var sensitivity = json.RootElement[0].GetProperty("per_class").GetProperty("blend_sign").GetProperty("sensitivity");
        Assert.Equal(["mean", "standard_deviation", "seeds"], sensitivity.EnumerateObject().Select(p => p.Name));
    }

    private static TrainingRunOutcome Outcome(int runId, string variant, TrainingRunStatus status, double blendSensitivity, double? blendAuc)
    {
        var other = new ClassReport(0.9, 0.9, 0.9, 0.95);
        var perClass = new Dictionary<string, ClassReport>
        {
            ["non_ich"] = other,
            ["normal_ich"] = other,
            ["blend_sign"] = new ClassReport(blendSensitivity, 0.95, 0.6, blendAuc),
        };
        return new TrainingRunOutcome(runId, status, new TrainingReport("cpu", 100, 10, perClass, [], []), null, null) { Variant = variant };
    }
}
