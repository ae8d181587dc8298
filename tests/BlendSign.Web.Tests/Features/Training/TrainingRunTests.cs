using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Storage;
using BlendSign.Data.Tests.Support;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Tests.Features.Training;

public sealed class TrainingRunTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly SliceStore _store;
    private readonly TrainingProgressNotifier _notifier = new(NullLogger<TrainingProgressNotifier>.Instance);
    private readonly TrainingStack _runs;

    public TrainingRunTests()
    {
        _store = new SliceStore(_database.Paths);
        _runs = TrainingServices.Create(_database, _notifier);
    }

    [Fact]
    public async Task RunNowAsync_ThreeRatersOnSyntheticSlices_CompletesWithPredictionsAndCsv()
    {
        TrainingData.Seeded seeded;
        await using (var db = _database.CreateDbContext())
        {
            seeded = await TrainingData.SeedAsync(db, _store, scans: 4);
        }

        var updates = new List<TrainingProgressUpdate>();
        using var subscription = _notifier.Subscribe(updates.Add);

        var outcome = await _runs.Runner.RunNowAsync(TinyTraining.Quick);

        Assert.Equal(TrainingRunStatus.Completed, outcome.Status);
        await using var check = _database.CreateDbContext();
        var run = await check.TrainingRuns.Include(r => r.Predictions).ThenInclude(p => p.Slice).SingleAsync(r => r.Id == outcome.RunId);
        Assert.Equal(TrainingRunStatus.Completed, run.Status);
        Assert.Equal(TinyTraining.Quick.Seed, run.Seed);
        Assert.Equal("cpu", run.Device);
        Assert.False(string.IsNullOrEmpty(run.CodeVersion));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(TinyTraining.Quick, JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options)! with { ClassWeights = TinyTraining.Quick.ClassWeights });

        // Gold slices only: the tie and the excluded scan stay out; every gold slice has one prediction.
        Assert.Equal(seeded.GoldSops.Order(), run.Predictions.Select(p => p.Slice.SopInstanceUid).Order());
        Assert.All(run.Predictions, p => Assert.Equal(1.0, p.PNonIch + p.PNormalIch + p.PBlendSign, 5));

        using var result = JsonDocument.Parse(run.ResultJson!);
        Assert.Equal(["non_ich", "normal_ich", "blend_sign"], result.RootElement.GetProperty("per_class").EnumerateObject().Select(p => p.Name));
        Assert.Equal(seeded.GoldSops.Count, result.RootElement.GetProperty("confusion_matrix").EnumerateArray().Sum(row => row.EnumerateArray().Sum(v => v.GetInt32())));

        var expectedPath = Path.Combine(_database.Paths.Runs, outcome.RunId.ToString(), "oof_predictions.csv");
        Assert.Equal(expectedPath, run.OofPredictionsPath);
        var lines = await File.ReadAllLinesAsync(expectedPath);
        Assert.Equal("sop_instance_uid,fold,gold_label,p_non_ich,p_normal_ich,p_blend_sign", lines[0]);
        Assert.Equal(seeded.GoldSops.Order(), lines.Skip(1).Select(l => l.Split(',')[0]).Order());
        Assert.Contains(lines, l => l.Contains(",blend_sign,", StringComparison.Ordinal));

        Assert.Contains(updates, u => u.Progress?.Stage == TrainingStage.EpochCompleted);
        Assert.Equal(TrainingRunStatus.Completed, updates[^1].Status);
    }

    [Fact]
    public async Task RunNowAsync_FoldsFromAnEarlierRun_EveryScanInTheSameFoldAsThere()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, _store, scans: 6);
        }

        var first = await _runs.Runner.RunNowAsync(TinyTraining.Quick with { Folds = 3, Seed = 1 });
        var free = await _runs.Runner.RunNowAsync(TinyTraining.Quick with { Folds = 3, Seed = 2 });
        var paired = await _runs.Runner.RunNowAsync(TinyTraining.Quick with { Folds = 3, Seed = 2, FoldsFromRun = first.RunId });

        Assert.Equal(TrainingRunStatus.Completed, paired.Status);
        var folds = await FoldsByScanAsync();
        // Seed 2 alone splits the scans otherwise than seed 1; keeping run 1's folds gives its split exactly.
        Assert.NotEqual(folds[first.RunId], folds[free.RunId]);
        Assert.Equal(folds[first.RunId], folds[paired.RunId]);
        await using var check = _database.CreateDbContext();
        var stored = JsonSerializer.Deserialize<TrainingSettings>((await check.TrainingRuns.SingleAsync(r => r.Id == paired.RunId)).ConfigurationJson, TrainingJson.Options)!;
        Assert.Equal(first.RunId, stored.FoldsFromRun);
        Assert.Null(stored.FixedFolds);
    }

    [Fact]
    public async Task RunNowAsync_FoldsFromARunWithoutPredictionsOrOtherFolds_FailsWithTheReason()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, _store, scans: 4);
        }

        var first = await _runs.Runner.RunNowAsync(TinyTraining.Quick with { Folds = 3 });
        var unknown = await _runs.Runner.RunNowAsync(TinyTraining.Quick with { FoldsFromRun = 999 });
        var fewer = await _runs.Runner.RunNowAsync(TinyTraining.Quick with { Folds = 2, FoldsFromRun = first.RunId });

        Assert.Equal((TrainingRunStatus.Failed, "Run 999 has no out-of-fold predictions, so its folds cannot be kept."), (unknown.Status, unknown.Error));
        Assert.Equal((TrainingRunStatus.Failed, $"Run {first.RunId} used 3 folds; a run keeping its folds needs as many, not 2."), (fewer.Status, fewer.Error));
    }

    /// <summary>A run is refused without gold labels, so queue tests need some.</summary>
    private async Task SeedGoldAsync()
    {
        await using var db = _database.CreateDbContext();
        await TrainingData.SeedAsync(db, _store, scans: 4);
    }

    private async Task<Dictionary<int, List<(int ScanId, int Fold)>>> FoldsByScanAsync()
    {
        await using var db = _database.CreateDbContext();
        var rows = await db.SlicePredictions.Select(p => new { p.TrainingRunId, p.Slice.ScanId, p.Fold }).Distinct().ToListAsync();
        return rows.GroupBy(r => r.TrainingRunId)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.ScanId, r.Fold)).OrderBy(x => x.ScanId).ToList());
    }

    [Fact]
    public async Task ExecuteAsync_CancelRequested_EndsCancelled()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, _store, scans: 4);
        }

        var runId = await _runs.Queue.QueueAsync(TinyTraining.Quick with { Epochs = 50 });
        Assert.Equal(runId, await _runs.Queue.ClaimNextQueuedAsync());
        await _runs.Queue.RequestCancelAsync(runId);

        var outcome = await _runs.Executor.ExecuteAsync(runId);

        Assert.Equal(TrainingRunStatus.Cancelled, outcome.Status);
        await using var check = _database.CreateDbContext();
        Assert.Equal(TrainingRunStatus.Cancelled, (await check.TrainingRuns.SingleAsync(r => r.Id == runId)).Status);
        Assert.Empty(check.SlicePredictions);
    }

    [Fact]
    public async Task RunNowAsync_NoGoldLabels_RefusedBeforeAnyRunIsCreated()
    {
        var refused = await Assert.ThrowsAsync<TrainingSetException>(() => _runs.Runner.RunNowAsync(TinyTraining.Quick));

        Assert.StartsWith("Not queued: no slice has a gold label yet", refused.Message, StringComparison.Ordinal);
        await using var check = _database.CreateDbContext();
        Assert.Empty(check.TrainingRuns);
    }

    [Fact]
    public async Task QueueAsync_NoGoldLabels_RefusedWithReason()
    {
        var refused = await Assert.ThrowsAsync<TrainingSetException>(() => _runs.Queue.QueueAsync(TinyTraining.Quick));

        Assert.Contains("nothing to train on", refused.Message, StringComparison.Ordinal);
        await using var check = _database.CreateDbContext();
        Assert.Empty(check.TrainingRuns);
    }

    [Fact]
    public async Task ClaimNextQueuedAsync_TwoQueued_ClaimsOldestOnceEach()
    {
        await SeedGoldAsync();
        var first = await _runs.Queue.QueueAsync(TinyTraining.Quick);
        var second = await _runs.Queue.QueueAsync(TinyTraining.Quick);

        Assert.Equal(first, await _runs.Queue.ClaimNextQueuedAsync());
        Assert.Equal(second, await _runs.Queue.ClaimNextQueuedAsync());
        Assert.Null(await _runs.Queue.ClaimNextQueuedAsync());
    }

    [Fact]
    public async Task RequeueStaleRunsAsync_RunLeftRunningWithoutCheckpoints_QueuedAgainFromTheStart()
    {
        await SeedGoldAsync();
        var runId = await _runs.Queue.QueueAsync(TinyTraining.Quick);
        await _runs.Queue.ClaimNextQueuedAsync();

        Assert.Equal(1, await _runs.Queue.RequeueStaleRunsAsync());

        await using var check = _database.CreateDbContext();
        var run = await check.TrainingRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal(TrainingRunStatus.Queued, run.Status);
        Assert.Equal(1, run.ResumeCount);
        Assert.Equal("resumed after a restart from the beginning (no checkpoint yet)", run.ProgressMessage);
    }

    [Fact]
    public async Task RequeueStaleRunsAsync_AnotherHolderHasTheRunLock_LeavesItRunning()
    {
        await SeedGoldAsync();
        var runId = await _runs.Queue.QueueAsync(TinyTraining.Quick);
        await _runs.Queue.ClaimNextQueuedAsync();
        using var held = RunLock.TryAcquire(_runs.Process.FolderOf(runId).Lock);
        Assert.NotNull(held);
        Assert.Null(RunLock.TryAcquire(_runs.Process.FolderOf(runId).Lock));

        Assert.Equal(0, await _runs.Queue.RequeueStaleRunsAsync());

        await using var check = _database.CreateDbContext();
        Assert.Equal(TrainingRunStatus.Running, (await check.TrainingRuns.SingleAsync(r => r.Id == runId)).Status);
    }

    [Fact]
    public async Task RunNowAsync_AnotherProcessHoldsTheTrainingSlot_WaitsForIt()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, _store, scans: 4);
        }

        var held = _runs.Process.TryTakeTrainingSlot();
        Assert.NotNull(held);
        var run = _runs.Runner.RunNowAsync(TinyTraining.Quick);
        await Task.Delay(TimeSpan.FromMilliseconds(800));

        Assert.False(run.IsCompleted);
        await using (var check = _database.CreateDbContext())
        {
            Assert.Equal(0, await check.TrainingRuns.CountAsync());
        }

        held.Dispose();
        Assert.Equal(TrainingRunStatus.Completed, (await run.WaitAsync(TimeSpan.FromMinutes(5))).Status);
    }

    [Fact]
    public async Task Worker_WhileAVerbHoldsTheTrainingSlot_LeavesQueuedRunsAlone()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, _store, scans: 4);
        }

        var runId = await _runs.Queue.QueueAsync(TinyTraining.Quick);
        var held = _runs.Process.TryTakeTrainingSlot();
        Assert.NotNull(held);
        using var worker = new TrainingWorker(_runs.WorkerLoop(), Options.Create(new TrainingWorkerOptions()), NullLogger<TrainingWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));

        await using (var check = _database.CreateDbContext())
        {
            Assert.Equal(TrainingRunStatus.Queued, (await check.TrainingRuns.SingleAsync(r => r.Id == runId)).Status);
        }

        held.Dispose();
        var status = TrainingRunStatus.Queued;
        for (var i = 0; i < 300 && status != TrainingRunStatus.Completed; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await using var check = _database.CreateDbContext();
            status = (await check.TrainingRuns.SingleAsync(r => r.Id == runId)).Status;
        }

        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(TrainingRunStatus.Completed, status);
    }

    [Fact]
    public async Task QueueAsync_Twice_BothRunsOnTheSameGoldSnapshot()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, _store, scans: 2);
        }

        var first = await _runs.Queue.QueueAsync(TinyTraining.Quick);
        var second = await _runs.Queue.QueueAsync(TinyTraining.Quick);

        await using var check = _database.CreateDbContext();
        var runs = await check.TrainingRuns.OrderBy(r => r.Id).Select(r => r.GoldSnapshotId).ToListAsync();
        Assert.NotNull(runs[0]);
        Assert.Equal(runs[0], runs[1]);
        var snapshot = await check.GoldSnapshots.SingleAsync();
        Assert.Equal(GoldSnapshotService.TrainingReason, snapshot.Reason);
        Assert.Equal(1, snapshot.UnresolvedCount);
        Assert.True(first < second);
    }

    [Fact]
    public async Task ExecuteAsync_GoldChangedAfterQueueing_TrainsOnTheQueuedSnapshot()
    {
        TrainingData.Seeded seeded;
        await using (var db = _database.CreateDbContext())
        {
            seeded = await TrainingData.SeedAsync(db, _store, scans: 4);
            db.Users.Add(new Data.Accounts.ApplicationUser { UserName = "lead", NormalizedUserName = "LEAD" });
            await db.SaveChangesAsync();
        }

        var runId = await _runs.Queue.QueueAsync(TinyTraining.Quick);
        int tieSliceId;
        string leadId;
        await using (var db = _database.CreateDbContext())
        {
            tieSliceId = (await db.Slices.SingleAsync(s => s.SopInstanceUid == seeded.TieSop)).Id;
            leadId = (await db.Users.SingleAsync(u => u.UserName == "lead")).Id;
        }

        // Settling the tie now changes the live gold standard (and makes a new snapshot), not the queued run's.
        var adjudication = await new AdjudicationService(_database, new GoldStandardService(_database), TimeProvider.System)
            .DecideAsync(tieSliceId, HemorrhageClass.NormalIch, null, new AuditActor(leadId, "lead", AuditSources.Ui));
        Assert.True(adjudication.Snapshot!.Created);
        Assert.Equal(runId, await _runs.Queue.ClaimNextQueuedAsync());

        var outcome = await _runs.Executor.ExecuteAsync(runId);

        Assert.Equal(TrainingRunStatus.Completed, outcome.Status);
        await using var check = _database.CreateDbContext();
        var trained = await check.SlicePredictions.Where(p => p.TrainingRunId == runId).Select(p => p.Slice.SopInstanceUid).ToListAsync();
        Assert.Equal(seeded.GoldSops.Order(), trained.Order());
        Assert.DoesNotContain(seeded.TieSop, trained);
    }

    [Fact]
    public async Task QueueAblationAsync_ExecutedOneByOne_ThreeVariantsOnTheSameSnapshotSeedAndFolds()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, _store, scans: 4);
        }

        var ablation = await _runs.Queue.QueueAblationAsync(TinyTraining.Quick);
        while (await _runs.Queue.ClaimNextQueuedAsync() is { } runId)
        {
            Assert.Equal(TrainingRunStatus.Completed, (await _runs.Executor.ExecuteAsync(runId)).Status);
        }

        Assert.Equal(["wce", "wce_at", "wce_at_skd"], ablation.Runs.Select(r => r.Variant));
        await using var check = _database.CreateDbContext();
        var runs = await check.TrainingRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(ablation.Runs.Select(r => r.RunId), runs.Select(r => r.Id));
        Assert.All(runs, r => Assert.Equal(ablation.Group, r.AblationGroup));
        Assert.Single(runs.Select(r => r.GoldSnapshotId).Distinct());
        Assert.Single(runs.Select(r => r.Seed).Distinct());
        var settings = runs.Select(r => JsonSerializer.Deserialize<TrainingSettings>(r.ConfigurationJson, TrainingJson.Options)!).ToList();
        Assert.Equal([false, true, true], settings.Select(s => s.Detection));
        Assert.Equal([false, false, true], settings.Select(s => s.Distillation));

        // The same folds: every slice is held out by the same fold in all three rows.
        var folds = await check.SlicePredictions.GroupBy(p => p.TrainingRunId)
            .Select(g => g.OrderBy(p => p.SliceId).Select(p => p.SliceId * 100 + p.Fold).ToList()).ToListAsync();
        Assert.Equal(3, folds.Count);
        Assert.Equal(folds[0], folds[1]);
        Assert.Equal(folds[0], folds[2]);
        Assert.True(folds[0].Select(f => f % 100).Distinct().Count() == TinyTraining.Quick.Folds);
    }

    [Fact]
    public async Task FromSnapshotAsync_SnapshotWithConsensusBox_ExampleCarriesItInSlicePixels()
    {
        TrainingData.Seeded seeded;
        await using (var db = _database.CreateDbContext())
        {
            seeded = await TrainingData.SeedAsync(db, _store, scans: 2);
        }

        var runId = await _runs.Queue.QueueAsync(TinyTraining.Quick);
        await using var context = _database.CreateDbContext();
        var run = await context.TrainingRuns.SingleAsync(r => r.Id == runId);
        var slice = await context.Slices.SingleAsync(s => s.SopInstanceUid == seeded.GoldSops[1]);
        context.GoldSnapshotBoxes.Add(new GoldSnapshotBox
        {
            GoldSnapshotId = run.GoldSnapshotId!.Value, SliceId = slice.Id, Left = 12, Top = 10, Right = 28, Bottom = 26, CenterX = 20, CenterY = 18, Support = 3,
        });
        await context.SaveChangesAsync();

        var set = await TrainingSet.FromSnapshotAsync(context, run.GoldSnapshotId.Value, CancellationToken.None);

        var example = set.Examples.Single(e => e.SampleId == slice.SopInstanceUid);
        Assert.Equal([new GoldBox(12, 10, 28, 26, TrainingData.Size, TrainingData.Size)], example.GoldBoxes);
        Assert.All(set.Examples.Where(e => e.SampleId != slice.SopInstanceUid), e => Assert.Empty(e.GoldBoxes));
    }

    [Fact]
    public async Task RunNowAsync_Completed_KeepsEachFoldsFinalModelAndTheLossHistory()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, _store, scans: 4);
        }

        var outcome = await _runs.Runner.RunNowAsync(TinyTraining.Quick with { Epochs = 2 });

        Assert.Equal(TrainingRunStatus.Completed, outcome.Status);
        var folder = _runs.Process.FolderOf(outcome.RunId);
        Assert.All(Enumerable.Range(1, TinyTraining.Quick.Folds), fold => Assert.True(File.Exists(CrossValidator.FinalModelPath(folder.Checkpoints, fold))));
        var history = new RunHistoryStore(new RunStorage(_database.Paths.Runs), NullLogger<RunHistoryStore>.Instance).Get(outcome.RunId);
        // Per fold: the teacher's two epochs, then the student's (TinyTraining.Quick distils one generation).
        Assert.Equal(TinyTraining.Quick.Folds * 2 * 2, history.Epochs.Count);
        Assert.Equal([(0, 1), (0, 2), (1, 1), (1, 2)], history.Epochs.Where(e => e.Fold == 1).Select(e => (e.Generation, e.Epoch)));
        Assert.Equal(history.Steps, history.Batches.Count);
        Assert.Empty(history.Resumes);
    }

    [Fact]
    public async Task ResumeNowAsync_CompletedRun_RefusedWithReason()
    {
        await using (var db = _database.CreateDbContext())
        {
            await TrainingData.SeedAsync(db, _store, scans: 2);
        }

        var outcome = await _runs.Runner.RunNowAsync(TinyTraining.Quick);

        var refusal = await Assert.ThrowsAsync<RunNotResumableException>(() => _runs.Runner.ResumeNowAsync(outcome.RunId));
        Assert.Equal($"Run {outcome.RunId} is already completed.", refusal.Message);
        await Assert.ThrowsAsync<RunNotResumableException>(() => _runs.Runner.ResumeNowAsync(9999));
    }

    [Fact]
    public async Task QueueAsync_UnknownBackbone_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _runs.Queue.QueueAsync(TinyTraining.Quick with { Backbone = "inception_v9" }));

    public void Dispose() => _database.Dispose();
}
