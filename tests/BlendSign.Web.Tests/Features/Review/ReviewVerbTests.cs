using System.Text.Json;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;

namespace BlendSign.Web.Tests.Features.Review;

public sealed class ReviewVerbTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TempDirectory _files = new();

    [Fact]
    public async Task ReviewList_Json_RanksSuspectsWithGoldModelProbabilitiesAndRaters()
    {
        var seed = await ReviewQueueSeed.SeedAsync(_database);

        var result = await CliRun.RunAsync(_database, "review", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(seed.RunId, json.RootElement.GetProperty("run_id").GetInt32());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ReviewQueueSeed.QueueOrder, items.Select(i => i.GetProperty("sop_instance_uid").GetString()));
        var first = items[0];
        Assert.Equal((1, "blend_sign", "non_ich", "non_ich"), (first.GetProperty("rank").GetInt32(), first.GetProperty("gold_label").GetString(),
            first.GetProperty("model_label").GetString(), first.GetProperty("suggested_label").GetString()));
        // Adjusted: p − thresholds + 0.55 = [0.6, 0.375, 0.185], sum 1.16.
        Assert.Equal(1 - 0.185 / 1.16, first.GetProperty("score").GetDouble(), 9);
        Assert.Equal(0.6, first.GetProperty("probabilities").GetProperty("non_ich").GetDouble(), 9);
        Assert.Equal("blend_sign", first.GetProperty("raters").GetProperty("rater2").GetString());
        Assert.Equal(0.55, json.RootElement.GetProperty("thresholds").GetProperty("non_ich").GetDouble(), 9);
    }

    [Fact]
    public async Task ReviewList_Top_LimitsTheTable()
    {
        await ReviewQueueSeed.SeedAsync(_database);

        var result = await CliRun.RunAsync(_database, "review", "list", "--top", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("7.7.5", result.Out);
        Assert.DoesNotContain("7.7.1 ", result.Out);
        Assert.Contains("3 slices to review of 6 scored", result.Out);
    }

    [Fact]
    public async Task ReviewList_NoRun_ClearMessage()
    {
        var result = await CliRun.RunAsync(_database, "review", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No completed training run", result.Error);
    }

    [Fact]
    public async Task ReviewEvaluate_HandMadeTruth_PrecisionAtNThenApplyAndExport()
    {
        await ReviewQueueSeed.SeedAsync(_database);
        // Wrong gold: 7.7.5 (really non_ich) and 7.7.1 (really normal_ich); 7.7.3 is right; 7.7.0 is right and not queued.
        var truth = _files.Combine("truth.csv");
        await File.WriteAllTextAsync(truth, "sop_instance_uid,true_label\n7.7.5,non_ich\n7.7.1,normal_ich\n7.7.3,normal_ich\n7.7.0,non_ich\n");

        var result = await CliRun.RunAsync(_database, "review", "evaluate", "--truth", truth, "--top", "1,2,3,10", "--apply", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var evaluation = json.RootElement.GetProperty("evaluation");
        Assert.Equal((2, 2, 3), (evaluation.GetProperty("wrong_gold_in_run").GetInt32(), evaluation.GetProperty("wrong_gold_in_queue").GetInt32(),
            evaluation.GetProperty("queued").GetInt32()));
        var precision = evaluation.GetProperty("precision").EnumerateArray()
            .Select(p => (p.GetProperty("top").GetInt32(), p.GetProperty("considered").GetInt32(), p.GetProperty("precision").GetDouble()))
            .ToList();
        Assert.Equal([(1, 1, 1.0), (2, 2, 1.0), (3, 3, 2 / 3.0), (10, 3, 2 / 3.0)], precision);
        var applied = json.RootElement.GetProperty("applied");
        Assert.Equal((2, 1, 0), (applied.GetProperty("changed").GetInt32(), applied.GetProperty("kept").GetInt32(), applied.GetProperty("refused").GetInt32()));

        var export = await CliRun.RunAsync(_database, "review", "export", "--out", _files.Combine("decisions.csv"));
        var lines = await File.ReadAllLinesAsync(_files.Combine("decisions.csv"));
        Assert.Equal(0, export.ExitCode);
        Assert.Equal(4, lines.Length);
        Assert.Contains(",7.7.5,SCAN-7.7,5,change,blend_sign,non_ich,truth file truth.csv,", lines[1]);
        Assert.Contains(",7.7.3,SCAN-7.7,3,keep,normal_ich,,,", lines[3]);

        var after = await CliRun.RunAsync(_database, "review", "list", "--json");
        using var queue = JsonDocument.Parse(after.Out);
        Assert.Empty(queue.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(3, queue.RootElement.GetProperty("decided").GetInt32());
    }

    [Fact]
    public async Task ReviewEvaluate_BadTop_RefusedWithMessage()
    {
        var result = await CliRun.RunAsync(_database, "review", "evaluate", "--truth", "x.csv", "--top", "20,zero");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--top", result.Error);
    }

    public void Dispose()
    {
        _database.Dispose();
        _files.Dispose();
    }
}
