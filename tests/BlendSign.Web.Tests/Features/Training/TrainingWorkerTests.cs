using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Data.Tests.Support;
using BlendSign.Data.Training;
using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlendSign.Web.Tests.Features.Training;

/// <summary>Workers on several hosts share one queue: claims, heartbeats, stale runs, the runs path (issue 13).</summary>
public sealed class TrainingWorkerTests : IDisposable
{
    private static readonly WorkerIdentity HostA = new("host-a", "host-a:101:aaaaaaaa");
    private static readonly WorkerIdentity HostB = new("host-b", "host-b:202:bbbbbbbb");

    private readonly TestDatabase _database = new();

    [Fact]
    public async Task ClaimNextQueuedAsync_TwoWorkersRaceForOneRun_ExactlyOneClaimsIt()
    {
        await SeedGoldAsync();
        var runs = TrainingServices.Create(_database);
        var claims = new[] { new RunClaims(_database, TimeProvider.System), new RunClaims(_database, TimeProvider.System) };
        for (var round = 0; round < 8; round++)
        {
            var runId = await runs.Queue.QueueAsync(TinyTraining.Resumable);
            using var start = new ManualResetEventSlim();
            var racers = new[] { HostA, HostB }.Select((worker, i) => Task.Run(async () =>
            {
                start.Wait();
                return (Worker: worker, RunId: await claims[i].ClaimNextQueuedAsync(worker, "cpu"));
            })).ToArray();
            start.Set();
            var results = await Task.WhenAll(racers);

            var winner = Assert.Single(results, r => r.RunId is not null);
            Assert.Equal(runId, winner.RunId);
            await using var db = _database.CreateDbContext();
            var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            Assert.Equal(TrainingRunStatus.Running, run.Status);
            Assert.Equal(winner.Worker.Id, run.WorkerId);
            Assert.NotNull(run.HeartbeatAt);
        }
    }

    [Fact]
    public async Task RequeueStaleRunsAsync_FreshHeartbeatFromAnotherHost_LeavesItRunning()
    {
        await SeedGoldAsync();
        var here = TrainingServices.Create(_database, worker: HostB);
        var runId = await here.Queue.QueueAsync(TinyTraining.Resumable);
        Assert.True(await new RunClaims(_database, TimeProvider.System).ClaimAsync(runId, HostA, "cuda"));

        Assert.Equal(0, await here.Queue.RequeueStaleRunsAsync());

        await using var db = _database.CreateDbContext();
        var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        Assert.Equal(TrainingRunStatus.Running, run.Status);
        Assert.Equal(HostA.Id, run.WorkerId);
        Assert.Equal(0, run.ResumeCount);
    }

    [Theory]
    [InlineData("host-a:101:aaaaaaaa", 5, false)] // another host, heartbeat fresh: alive as far as anyone here can tell
    [InlineData("host-a:101:aaaaaaaa", 61, true)] // another host, silent for longer than StaleAfterSeconds
    [InlineData("host-b:7:cccccccc", 5, true)] // this host, its run lock free: its process is gone, however fresh the heartbeat
    [InlineData(null, null, true)] // left Running by a version without heartbeats: the lock rule, as before
    public void IsStale_RunWhoseLockIsFree_HeartbeatAcrossHostsLockOnThisOne(string? workerId, int? secondsSilent, bool stale)
    {
        var now = DateTimeOffset.UtcNow;
        var run = new TrainingRun
        {
            ConfigurationJson = "{}",
            Status = TrainingRunStatus.Running,
            WorkerId = workerId,
            HeartbeatAt = secondsSilent is { } s ? now.AddSeconds(-s) : null,
        };

        Assert.Equal(stale, RunClaims.IsStale(run, HostB.Host, now, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task HeartbeatAsync_RunTakenOverAfterGoingStale_IsRefused()
    {
        await SeedGoldAsync();
        var here = TrainingServices.Create(_database, worker: HostB);
        var claims = new RunClaims(_database, TimeProvider.System);
        var runId = await here.Queue.QueueAsync(TinyTraining.Resumable);
        Assert.True(await claims.ClaimAsync(runId, HostA, "cpu"));
        Assert.True(await claims.HeartbeatAsync(runId, HostA));
        await AgeHeartbeatAsync(runId, TimeSpan.FromMinutes(5));

        Assert.Equal(1, await here.Queue.RequeueStaleRunsAsync());
        Assert.Equal(runId, await here.Queue.ClaimNextQueuedAsync());

        Assert.False(await claims.HeartbeatAsync(runId, HostA));
        Assert.True(await claims.HeartbeatAsync(runId, HostB));
    }

    [Fact]
    public async Task Worker_AnotherHostsRunStopsHeartbeating_QueuedAgainAndResumedWithTheSameFoldsAndPredictions()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, new SliceStore(_database.Paths), scans: 6);
        }

        // Host A trains into fold 2, then goes silent (its process is gone; the run stays Running under its id).
        var notifier = new TrainingProgressNotifier(Microsoft.Extensions.Logging.Abstractions.NullLogger<TrainingProgressNotifier>.Instance);
        var hostA = TrainingServices.Create(_database, notifier, worker: HostA);
        using var crash = new CancellationTokenSource();
        using (notifier.Subscribe(update =>
               {
                   if (update.Progress is { Stage: TrainingStage.EpochCompleted, Fold: 2, Epoch: 1 })
                   {
                       crash.Cancel();
                   }
               }))
        {
            var runId0 = await hostA.Queue.QueueAsync(TinyTraining.Resumable);
            Assert.Equal(runId0, await hostA.Queue.ClaimNextQueuedAsync());
            Assert.Equal(TrainingRunStatus.Running, (await hostA.Executor.ExecuteAsync(runId0, crash.Token)).Status);
        }

        int runId;
        await using (var db = _database.CreateDbContext())
        {
            runId = (await db.TrainingRuns.SingleAsync()).Id;
        }

        await AgeHeartbeatAsync(runId, TimeSpan.FromMinutes(2));

        // Host B's worker finds it stale, queues it again and resumes it from host A's checkpoints.
        var hostB = TrainingServices.Create(_database, worker: HostB);
        var outcomes = await hostB.WorkerLoop().RunAsync(Model.Torch.DeviceChoice.Cpu, untilEmpty: true, CancellationToken.None);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(TrainingRunStatus.Completed, outcome.Status);
        await using var check = _database.CreateDbContext();
        var run = await check.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        Assert.Equal(TrainingRunStatus.Completed, run.Status);
        Assert.Equal(1, run.ResumeCount);
        Assert.Equal(HostB.Id, run.WorkerId);
        Assert.Equal("resumed after a restart at fold 2 epoch 2", Assert.Single(
            new RunHistoryStore(new RunStorage(_database.Paths.Runs), Microsoft.Extensions.Logging.Abstractions.NullLogger<RunHistoryStore>.Instance).Get(runId).Resumes).Describe());

        // An uninterrupted run of the same settings on the same gold standard: same folds, same predictions.
        var reference = await hostB.Runner.RunNowAsync(TinyTraining.Resumable);
        Assert.Equal(TrainingRunStatus.Completed, reference.Status);
        await TinyTraining.AssertSamePredictionsAsync(check, reference.RunId, runId);
    }

    [Fact]
    public async Task Server_InProcessWorkerOff_LeavesQueuedRunsToWorkers()
    {
        await SeedGoldAsync();
        await using var server = new TrainingHost(_database, new Dictionary<string, string?> { ["BlendSign:Training:InProcessWorker"] = "false" });
        var services = server.Services;

        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s is TrainingWorker);
        var runId = await services.GetRequiredService<TrainingRunQueue>().QueueAsync(TinyTraining.Resumable);
        await Task.Delay(TrainingQueue.PollInterval * 2);
        await using var db = await services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        Assert.Equal(TrainingRunStatus.Queued, (await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId)).Status);
    }

    private async Task AgeHeartbeatAsync(int runId, TimeSpan age)
    {
        var old = DateTimeOffset.UtcNow - age;
        await using var db = _database.CreateDbContext();
        await db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, old));
    }

    /// <summary>A run is refused without gold labels, so queue tests need some.</summary>
    private async Task SeedGoldAsync()
    {
        await using var db = _database.CreateDbContext();
        await TrainingData.SeedAsync(db, new SliceStore(_database.Paths), scans: 4);
    }

    public void Dispose() => _database.Dispose();
}
