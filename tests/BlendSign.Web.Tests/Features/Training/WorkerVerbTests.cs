using System.Text.Json;
using BlendSign.Data.Storage;
using BlendSign.Data.Tests.Support;
using BlendSign.Data.Training;
using BlendSign.Model.Torch;
using BlendSign.Tests.Shared;
using BlendSign.Web.Cli;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Features.Training;

public sealed class WorkerVerbTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TempDirectory _sharedRuns = new();

    [Fact]
    public async Task WorkerOnce_QueuedRunAndARunsDirectory_TrainsItToCompletedWithItsFilesThere()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, new SliceStore(_database.Paths), scans: 4);
        }

        var runId = await TrainingServices.Create(_database).Queue.QueueAsync(TinyTraining.Quick);

        var (exitCode, output, error) = await RunAsync("worker", "--once", "--device", "cpu", "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(runId, run.GetProperty("run_id").GetInt32());
        Assert.Equal("completed", run.GetProperty("status").GetString());
        var workerId = json.RootElement.GetProperty("worker_id").GetString();
        Assert.StartsWith(Environment.MachineName + ":", workerId);

        await using var check = _database.CreateDbContext();
        var stored = await check.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        Assert.Equal(TrainingRunStatus.Completed, stored.Status);
        Assert.Equal(workerId, stored.WorkerId);
        Assert.Equal("cpu", stored.Device);
        // Every run file lives under BlendSign:Training:RunsDirectory, none under the data directory's default.
        var folder = RunFolder.Of(_sharedRuns.Path, runId);
        Assert.Equal(folder.OofPredictions, stored.OofPredictionsPath);
        Assert.True(File.Exists(folder.OofPredictions));
        Assert.True(File.Exists(folder.History));
        Assert.True(Directory.Exists(folder.Checkpoints));
        Assert.False(Directory.Exists(RunFolder.Of(_database.Paths.Runs, runId).Directory));
    }

    [Fact]
    public async Task WorkerOnce_EmptyQueue_ExitsZeroAtOnce()
    {
        var (exitCode, output, error) = await RunAsync("worker", "--once");

        Assert.True(exitCode == 0, error);
        Assert.Contains("0 run(s) trained", output);
    }

    [SkippableFact]
    public async Task Worker_DeviceCudaWithoutCuda_ExitsOneWithAMessage()
    {
        Skip.If(TorchRuntime.IsCudaAvailable, "This host has CUDA: there is nothing to refuse.");

        var (exitCode, _, error) = await RunAsync("worker", "--once", "--device", "cuda");

        Assert.Equal(1, exitCode);
        Assert.Contains("CUDA is not available", error);
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        await using var context = new CliContext
        {
            Out = output,
            Error = error,
            ConfigurationOverrides = new Dictionary<string, string?>(_database.Settings)
            {
                ["BlendSign:Training:RunsDirectory"] = _sharedRuns.Path,
            },
        };
        var exitCode = await CliApplication.RunAsync(args, context);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        _database.Dispose();
        _sharedRuns.Dispose();
    }
}
