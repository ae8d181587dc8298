using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Cli;
using BlendSign.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Web.Tests.Features.Training;

/// <summary>One source of training defaults (issue 21): what BlendSign:Training configures is the form's and the train verb's default.</summary>
public class TrainingDefaultsTests : BlendSignComponentTest, IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Configured = new()
    {
        ["BlendSign:Training:Folds"] = "4",
        ["BlendSign:Training:Epochs"] = "7",
        ["BlendSign:Training:ImageSize"] = "96",
        ["BlendSign:Training:Seed"] = "11",
    };

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public async Task TrainingPage_ConfiguredSettings_AreTheFormsDefaults()
    {
        // Bound as the app binds the section (AddOptions<TrainingOptions>().BindConfiguration).
        var options = new ConfigurationBuilder().AddInMemoryCollection(Configured).Build()
            .GetSection(TrainingOptions.SectionName).Get<TrainingOptions>()!;
        Services.AddSingleton(TrainingServices.Create(Database, trainingOptions: options).Queue);
        Services.AddSingleton(new TrainingProgressNotifier(NullLogger<TrainingProgressNotifier>.Instance));
        Services.AddSingleton(new RunHistoryStore(new RunStorage(Database.Paths.Runs), NullLogger<RunHistoryStore>.Instance));
        await SignInAsync("lead", "lead");

        var cut = Render<TrainingPage>();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("4", InputValue(cut, "folds"));
            Assert.Equal("7", InputValue(cut, "epochs"));
            Assert.Equal("96", InputValue(cut, "image-size"));
        });
    }

    [Fact]
    public async Task TrainHelp_ConfiguredSettings_AreItsDefaults()
    {
        using var cli = new CliRunner(Configured);

        var (exit, output, _) = await cli.RunAsync("train", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("[default: 4]", HelpLine(output, "--folds"), StringComparison.Ordinal);
        Assert.Contains("[default: 7]", HelpLine(output, "--epochs"), StringComparison.Ordinal);
        Assert.Contains("[default: 96]", HelpLine(output, "--image-size"), StringComparison.Ordinal);
        Assert.Contains($"{TrainingLimits.MinEpochs}–{TrainingLimits.MaxEpochs}", HelpLine(output, "--epochs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_SettingsOutsideTheRange_RefusedWithTheRange()
    {
        var problems = new TrainingSettings { Epochs = TrainingLimits.MaxEpochs + 1, Folds = TrainingLimits.MinFolds - 1 }.Validate();

        Assert.Contains($"Epochs must be between {TrainingLimits.MinEpochs} and {TrainingLimits.MaxEpochs}.", problems);
        Assert.Contains($"Folds must be between {TrainingLimits.MinFolds} and {TrainingLimits.MaxFolds}.", problems);
        Assert.Null(new TrainingOptions().Epochs);
        var configured = TrainingSettings.FromOptions(new TrainingOptions(), gpu: true);
        Assert.Equal(new TrainingSettings() with { ClassWeights = configured.ClassWeights }, configured);
    }

    [Fact]
    public void FromOptions_NothingConfigured_StudyProtocolWithAGpuAndTheCpuDefaultsWithout()
    {
        var gpu = TrainingSettings.FromOptions(new TrainingOptions(), gpu: true);
        var cpu = TrainingSettings.FromOptions(new TrainingOptions(), gpu: false);
        var configured = TrainingSettings.FromOptions(new TrainingOptions { Epochs = 7 }, gpu: false);

        Assert.Equal((TrainingLimits.DefaultFolds, TrainingLimits.DefaultEpochs, TrainingLimits.DefaultImageSize), (gpu.Folds, gpu.Epochs, gpu.ImageSize));
        Assert.Equal((TrainingLimits.CpuFolds, TrainingLimits.CpuEpochs, TrainingLimits.CpuImageSize), (cpu.Folds, cpu.Epochs, cpu.ImageSize));
        Assert.Equal((TrainingLimits.CpuFolds, 7, TrainingLimits.CpuImageSize), (configured.Folds, configured.Epochs, configured.ImageSize));
    }

    private static string? InputValue(IRenderedComponent<TrainingPage> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        var input = element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
        return input.GetAttribute("value");
    }

    /// <summary>The help text of one option, which may wrap onto the next lines.</summary>
    private static string HelpLine(string help, string option)
    {
        var start = help.IndexOf("  " + option + " ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {option} in the help:\n{help}");
        var end = help.IndexOf("\n  -", start + option.Length, StringComparison.Ordinal);
        return help[start..(end < 0 ? help.Length : end)];
    }
}
