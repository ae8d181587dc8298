using System.CommandLine;
using System.Text.Json;
using BlendSign.Data.Storage;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Cli;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Support;

namespace BlendSign.Web.Tests.Features.Training;

public sealed class TrainVerbTests : IDisposable
{
    private readonly TestDatabase _database = new();

    private CliContext Context(StringWriter output, StringWriter error) => new()
    {
        Out = output,
        Error = error,
        ConfigurationOverrides = new Dictionary<string, string?>(_database.Settings)
        {
            ["BlendSign:Training:BatchSize"] = "4",
            ["BlendSign:Training:Threads"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        },
    };

    [Fact]
    public async Task Train_Json_PrintsRunMetricsMatrixAndCsvPath()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, new SliceStore(_database.Paths), scans: 4);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        await using var context = Context(output, error);

        var exit = await CliApplication.RunAsync(
            ["train", "--folds", "2", "--epochs", "1", "--image-size", "32", "--no-detection", "--no-skd", "--seed", "9", "--json"], context);

        Assert.True(exit == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.True(root.GetProperty("run_id").GetInt32() > 0);
        Assert.Equal(["non_ich", "normal_ich", "blend_sign"], root.GetProperty("per_class").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["sensitivity", "specificity", "f1", "auc"],
            root.GetProperty("per_class").GetProperty("blend_sign").EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("confusion_matrix").GetArrayLength());
        // Table 3's intervals: [lower, upper] per class and metric.
        var aucInterval = root.GetProperty("ci95").GetProperty("non_ich").GetProperty("auc");
        Assert.Equal(2, aucInterval.GetArrayLength());
        Assert.InRange(aucInterval[0].GetDouble(), 0, aucInterval[1].GetDouble());
        Assert.InRange(aucInterval[1].GetDouble(), aucInterval[0].GetDouble(), 1);
        // Warnings hold the chance-level findings whenever chance_level is set (one epoch at 32 px rarely learns): any of
        // ChanceLevel's, "worse than chance" (an AUC interval below 0.5) included.
        Assert.True(!root.GetProperty("chance_level").GetBoolean()
            || root.GetProperty("warnings").EnumerateArray().Any(w => w.GetString()!.StartsWith("It ", StringComparison.Ordinal)
                || w.GetString()!.StartsWith("This model is no better than chance", StringComparison.Ordinal)
                || w.GetString()!.StartsWith("This model is worse than chance", StringComparison.Ordinal)),
            root.GetProperty("warnings").ToString());
        Assert.True(File.Exists(root.GetProperty("oof_predictions").GetString()));
        Assert.Equal("cpu", root.GetProperty("device").GetString());
        Assert.Equal(await ThisCpuPassesTheCheckAsync() ? "channels-last" : "channels-first", root.GetProperty("layout").GetString());
    }

    [Fact]
    public async Task Train_AblationJson_ThreeRowsInTheStudysOrderOnTheSameFolds()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, new SliceStore(_database.Paths), scans: 4);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        await using var context = Context(output, error);

        var exit = await CliApplication.RunAsync(
            ["train", "--ablation", "--folds", "2", "--epochs", "1", "--image-size", "32", "--backbone", "tiny_cnn", "--seed", "9", "--json"], context);

        Assert.True(exit == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["wce", "wce_at", "wce_at_skd"], rows.Select(r => r.GetProperty("variant").GetString()));
        Assert.All(rows, r => Assert.Equal(3, r.GetProperty("per_class").GetProperty("blend_sign").EnumerateObject().Count(p => p.Name is "sensitivity" or "specificity" or "f1")));
        var folds = rows.Select(r => File.ReadAllLines(r.GetProperty("oof_predictions").GetString()!).Skip(1)
            .Select(line => string.Join(',', line.Split(',')[..3])).Order().ToList()).ToList();
        Assert.Equal(folds[0], folds[1]);
        Assert.Equal(folds[0], folds[2]);
    }

    [Fact]
    public async Task Train_ResumeUnknownRun_SaysSoAndExitsOne()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        await using var context = Context(output, error);

        var exit = await CliApplication.RunAsync(["train", "--resume", "42"], context);

        Assert.Equal(1, exit);
        Assert.Contains("No training run has the id 42.", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Train_UnknownBackbone_SaysSoAndExitsOne()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        await using var context = Context(output, error);

        var exit = await CliApplication.RunAsync(["train", "--backbone", "vgg99"], context);

        Assert.Equal(1, exit);
        Assert.Contains("Unknown backbone 'vgg99'", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task BenchTrainStep_Json_ReportsImagesPerSecond()
    {
        using var json = await BenchJsonAsync(BenchTrainStepCommand.Create,
            ["train-step", "--image-size", "32", "--batch", "2", "--steps", "1", "--threads", "1", "--no-detection", "--json"]);

        Assert.True(json.RootElement.GetProperty("images_per_second").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("median_images_per_second").GetDouble() > 0);
        Assert.Equal(await ThisCpuPassesTheCheckAsync(), json.RootElement.GetProperty("channels_last").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("batch").GetInt32());
    }

    [Fact]
    public async Task BenchTrainStep_ChannelsFirst_SaysSoInItsJson()
    {
        using var json = await BenchJsonAsync(BenchTrainStepCommand.Create,
            ["train-step", "--image-size", "32", "--batch", "2", "--steps", "1", "--threads", "1", "--no-detection", "--no-pipeline", "--channels-first", "--json"]);

        Assert.False(json.RootElement.GetProperty("channels_last").GetBoolean());
    }

    [Fact]
    public async Task BenchInfer_Json_ReportsMeanAndMedianPerSlice()
    {
        using var json = await BenchJsonAsync(BenchInferCommand.Create, ["infer", "--image-size", "32", "--slices", "3", "--threads", "1", "--json"]);

        Assert.True(json.RootElement.GetProperty("milliseconds_per_slice").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("median_milliseconds_per_slice").GetDouble() > 0);
        Assert.Equal(await ThisCpuPassesTheCheckAsync(), json.RootElement.GetProperty("channels_last").GetBoolean());
    }

    [Fact]
    public async Task CpuCheck_Json_TheReportOfThisCpu()
    {
        var (exit, json) = await CpuCheckAsync();

        using (json)
        {
            var passed = json.RootElement.GetProperty("passed").GetBoolean();
            Assert.Equal(passed ? 0 : CpuCheckVerb.DiffersExitCode, exit);
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("cpu").GetString()));
            Assert.True(json.RootElement.GetProperty("largest_difference").GetDouble() >= 0);
        }
    }

    /// <summary>What <c>cpu-check</c> says of this CPU, in this process; the verbs' guard asks a child process.</summary>
    private async Task<bool> ThisCpuPassesTheCheckAsync()
    {
        var (_, json) = await CpuCheckAsync();
        using (json)
        {
            return json.RootElement.GetProperty("passed").GetBoolean();
        }
    }

    private async Task<(int ExitCode, JsonDocument Report)> CpuCheckAsync()
    {
        var output = new StringWriter();
        await using var context = Context(output, new StringWriter());
        var exit = await CliApplication.RunAsync(["cpu-check", "--json"], context);
        return (exit, JsonDocument.Parse(output.ToString()));
    }

    /// <summary>Runs one <c>bench</c> subcommand, asserts it succeeded and returns its JSON document.</summary>
    private async Task<JsonDocument> BenchJsonAsync(Func<CliContext, Command> create, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        await using var context = Context(output, error);
        var root = new RootCommand { create(context) };

        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.True(exit == 0, error.ToString());
        return JsonDocument.Parse(output.ToString());
    }

    public void Dispose() => _database.Dispose();
}
