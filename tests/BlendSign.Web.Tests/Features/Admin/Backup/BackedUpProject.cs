using System.Text.Json;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;

namespace BlendSign.Web.Tests.Features.Admin.Backup;

/// <summary>
/// A project with real content, made once for the backup tests: demo scans with three simulated raters, a tiny
/// training run (2 folds, 1 epoch, 32 px), and its backup.
/// </summary>
public sealed class BackedUpProject : IAsyncLifetime
{
    private readonly TempDirectory _files = new();

    public TestDatabase Source { get; } = new();

    public string BackupPath => _files.Combine("project.tar");

    public int RunId { get; private set; }

    /// <summary><c>agreement --json</c> of the project as it was backed up.</summary>
    public string Agreement { get; private set; } = "";

    public string Scratch(string name) => _files.Combine(name);

    public async Task InitializeAsync()
    {
        await using var session = new ProjectSession(Source);
        var demo = await session.RunAsync("demo", "--scans", "4", "--seed", "7");
        Assert.True(demo.ExitCode == 0, demo.Error);
        var train = await session.RunAsync("train", "--folds", "2", "--epochs", "1", "--image-size", "32", "--backbone", "tiny_cnn",
            "--no-detection", "--no-skd", "--seed", "9", "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        using (var json = JsonDocument.Parse(train.Out))
        {
            RunId = json.RootElement.GetProperty("run_id").GetInt32();
        }

        var backup = await CliRun.RunAsync(Source, "backup", "--out", BackupPath, "--json");
        Assert.True(backup.ExitCode == 0, backup.Error);
        Agreement = (await CliRun.RunAsync(Source, "agreement", "--json")).Out;
    }

    public Task DisposeAsync()
    {
        Source.Dispose();
        _files.Dispose();
        return Task.CompletedTask;
    }
}
