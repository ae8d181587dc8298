using System.Text.Json;
using BlendSign.Data.Accounts;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using BlendSign.Data.Training;
using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Training;

public class RunResultsPageTests : BlendSignComponentTest
{
    // Two scans, one per fold: gold and the argmax of the stored probabilities.
    private static readonly (HemorrhageClass Gold, HemorrhageClass Predicted)[] FoldOne =
        [(HemorrhageClass.NonIch, HemorrhageClass.NonIch), (HemorrhageClass.NormalIch, HemorrhageClass.NormalIch),
         (HemorrhageClass.BlendSign, HemorrhageClass.BlendSign), (HemorrhageClass.NonIch, HemorrhageClass.NormalIch)];

    private static readonly (HemorrhageClass Gold, HemorrhageClass Predicted)[] FoldTwo =
        [(HemorrhageClass.NonIch, HemorrhageClass.NonIch), (HemorrhageClass.NormalIch, HemorrhageClass.NonIch),
         (HemorrhageClass.BlendSign, HemorrhageClass.BlendSign), (HemorrhageClass.BlendSign, HemorrhageClass.NormalIch)];

    public RunResultsPageTests() => Services.AddSingleton<RunResultsService>();

    private int AddRun(string? group = null, string? variant = null, TrainingRunStatus status = TrainingRunStatus.Completed, TrainingReport? report = null)
    {
        using var db = Database.CreateDbContext();
        var run = new TrainingRun
        {
            Status = status,
            Error = status == TrainingRunStatus.Diverged ? "fold 1 student 1: 8 of 8 held-out slices got a probability of 0 or 1" : null,
            ResultJson = report is null ? null : JsonSerializer.Serialize(report, TrainingJson.Options),
            ConfigurationJson = JsonSerializer.Serialize(new TrainingSettings { Folds = 2, Epochs = 1, ImageSize = 64 }, TrainingJson.Options),
            Seed = 42,
            AblationGroup = group,
            Variant = variant,
            Device = "cpu",
            CodeVersion = "test",
        };
        db.TrainingRuns.Add(run);
        var slices = db.Slices.OrderBy(s => s.Id).ToList();
        foreach (var (fold, cases, offset) in new[] { (1, FoldOne, 0), (2, FoldTwo, 4) })
        {
            for (var i = 0; i < cases.Length; i++)
            {
                double[] p = [0.1, 0.1, 0.1];
                p[(int)cases[i].Predicted] = 0.8;
                db.SlicePredictions.Add(new SlicePrediction
                {
                    TrainingRun = run, SliceId = slices[offset + i].Id, Fold = fold, GoldLabel = cases[i].Gold,
                    PNonIch = p[0], PNormalIch = p[1], PBlendSign = p[2],
                });
            }
        }

        db.SaveChanges();
        return run.Id;
    }

    private void SeedSlices()
    {
        RatingSeed.AddScan(Database, "7.1", 4);
        RatingSeed.AddScan(Database, "7.2", 4);
    }

    [Fact]
    public async Task Render_CompletedRun_Table3HasMeanSdOverFoldsAndPooledPerClass()
    {
        SeedSlices();
        var runId = AddRun();
        await SignInAsync("lead", Roles.Lead);

        var page = Render<RunResultsPage>(p => p.Add(x => x.RunId, runId));

        page.WaitForElement("[data-testid=table3]");
        Assert.Equal(3, page.FindAll("[data-testid=table3] tbody tr").Count);
        var blend = page.Find($"[data-testid=table3-blend_sign-{runId}]").QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal("blend_sign", blend[0]);
        Assert.Equal($"run #{runId}", blend[1]);
        // Sensitivity: fold 1 caught 1 of 1, fold 2 1 of 2 → 0.75 ± 0.354; pooled 2 of 3.
        Assert.StartsWith("0.750 ± 0.354pooled 0.667 (", blend[2], StringComparison.Ordinal);
        Assert.Matches(@"pooled 0\.667 \((0|1)\.\d{3}–(0|1)\.\d{3}\)$", blend[2]);
        // Specificity: no false blend sign in either fold; F1 pooled 2·2/(2·2+1+0) = 0.8.
        Assert.StartsWith("1.000 ± 0.000pooled 1.000", blend[3], StringComparison.Ordinal);
        Assert.Contains("pooled 0.800", blend[4], StringComparison.Ordinal);
        Assert.Equal(4, page.FindAll("[data-testid=confusion-matrix] tr").Count);
        Assert.NotEmpty(page.FindAll("[data-testid=roc-blend_sign] polyline"));
        Assert.Empty(page.FindAll("[data-testid=gradcam] img"));
        page.Find("[data-testid=gradcam-show]").Click();
        Assert.Equal($"/api/runs/{runId}/gradcam/7.1.2", page.Find("[data-testid=gradcam] img").GetAttribute("src"));
    }

    [Fact]
    public async Task Render_AblationRow_TableListsTheThreeVariantsPerClass()
    {
        SeedSlices();
        const string group = "ablation-test";
        var ids = new[] { "wce", "wce_at", "wce_at_skd" }.Select(v => AddRun(group, v)).ToList();
        await SignInAsync("reviewer", Roles.Reviewer);

        var page = Render<RunResultsPage>(p => p.Add(x => x.RunId, ids[1]));

        page.WaitForElement("[data-testid=table3]");
        var methods = page.FindAll("[data-testid=table3] tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Equal(["WCE", "WCE+AT", "WCE+AT+SKD", "WCE", "WCE+AT", "WCE+AT+SKD", "WCE", "WCE+AT", "WCE+AT+SKD"], methods);
        Assert.Contains("Ablation", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_DivergedRun_RedBannerWithTheReasonsWarningsAndEachGenerationsMetrics()
    {
        SeedSlices();
        var blend = new Dictionary<string, ClassReport>
        {
            ["non_ich"] = new(1, 0, 0.5, 0.5), ["normal_ich"] = new(0, 1, 0, 0.5), ["blend_sign"] = new(0, 1, 0, 0.5),
        };
        var teacher = blend.ToDictionary(p => p.Key, p => p.Value with { Auc = 0.93 });
        var report = new TrainingReport("cpu", 8, 2, blend, [[3, 0, 0], [2, 0, 0], [3, 0, 0]], [])
        {
            Diverged = [new DivergenceReport(1, 1, "saturated_outputs", "fold 1 student 1: 4 of 4 held-out slices got a probability of 0 or 1")],
            Warnings = ["AUC 0.5 for blend_sign means nothing here: every slice got the same blend_sign probability (0)."],
            Generations = [new GenerationReport(0, "teacher", teacher, teacher), new GenerationReport(1, "student 1", blend, blend)],
        };
        var runId = AddRun(status: TrainingRunStatus.Diverged, report: report);
        await SignInAsync("lead", Roles.Lead);

        var page = Render<RunResultsPage>(p => p.Add(x => x.RunId, runId));

        var banner = page.WaitForElement("[data-testid=run-diverged]");
        Assert.Contains("This run diverged", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("fold 1 student 1: 4 of 4 held-out slices", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("AUC 0.5 for blend_sign means nothing here", page.Find("[data-testid=run-warnings]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0.930", page.Find("[data-testid=generation-0-blend_sign]").QuerySelectorAll("td")[5].TextContent);
        Assert.Equal("0.500", page.Find("[data-testid=generation-1-blend_sign]").QuerySelectorAll("td")[5].TextContent);
        Assert.Equal($"run #{runId} (diverged)", page.Find($"[data-testid=table3-blend_sign-{runId}]").QuerySelectorAll("td")[1].TextContent);
    }

    [Fact]
    public async Task Render_CompletedRunWithoutReport_NoBannerNoGenerationTable()
    {
        SeedSlices();
        var runId = AddRun();
        await SignInAsync("lead", Roles.Lead);

        var page = Render<RunResultsPage>(p => p.Add(x => x.RunId, runId));

        page.WaitForElement("[data-testid=table3]");
        Assert.Empty(page.FindAll("[data-testid=run-diverged]"));
        Assert.Empty(page.FindAll("[data-testid=run-warnings]"));
        Assert.Empty(page.FindAll("[data-testid=generations]"));
    }

    [Fact]
    public async Task Render_UnknownRun_SaysItHasNoResults()
    {
        await SignInAsync("lead", Roles.Lead);

        var page = Render<RunResultsPage>(p => p.Add(x => x.RunId, 404));

        page.WaitForElement("[data-testid=run-results-missing]");
    }

    [Fact]
    public async Task ComparisonLines_TwoRuns_DifferencePerClassAndMetric()
    {
        SeedSlices();
        var first = AddRun();
        var second = AddRun();
        var service = Services.GetRequiredService<RunResultsService>();
        var one = (await service.LoadAsync(first))!;
        var other = (await service.LoadAsync(second))!;

        var lines = RunResultsPage.ComparisonLines(one, other);

        Assert.Equal(12, lines.Count);
        var sensitivity = lines.Single(l => l.Class == "blend_sign" && l.Metric == "sensitivity");
        Assert.Equal(2.0 / 3, sensitivity.This!.Value, 9);
        Assert.Equal(sensitivity.This, sensitivity.Other);
        Assert.Equal("+0.000", TrainingFormat.Difference(sensitivity.This, sensitivity.Other));
    }
}
