using System.Reflection;
using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Torch;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// Queues, claims, resumes and executes training runs; the <see cref="TrainingQueue"/> (the server's hosted worker,
/// the <c>worker</c> verb) and the <c>train</c> verb all go through it. A run trains on the gold snapshot taken when it
/// was created (<see cref="TrainingSet"/>), cross-validated by scan, keeps its checkpoints, final fold models and loss
/// history in its <see cref="RunFolder"/> (under <see cref="RunStorage"/>), and leaves its out-of-fold predictions in
/// the database and at <c>{RunsDirectory}/{id}/oof_predictions.csv</c>. A run interrupted by a shutdown or a crash
/// stays Running; the next worker to look queues it again (<see cref="RequeueStaleRunsAsync"/>) and it continues from
/// its checkpoints, or <c>train --resume ID</c> continues it at once.
/// </summary>
public sealed partial class TrainingRunService(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    SliceStore sliceStore,
    RunStorage storage,
    CrossValidator crossValidator,
    GoldSnapshotService snapshots,
    IOptions<TrainingOptions> options,
    IOptions<TrainingWorkerOptions> workerOptions,
    TrainingProgressNotifier notifier,
    RunHistoryStore history,
    TimeProvider time,
    ILogger<TrainingRunService> logger)
{
    public const string OofFileName = RunFolder.OofFileName;
    public const string ShutdownMessage = "interrupted by a shutdown; resumes when a worker picks it up again";
    public const string TakenOverMessage = "taken over by another worker";

    private readonly RunClaims _claims = new(dbFactory, time);

    /// <summary>How often an executing run stores its progress and looks for a cancel request.</summary>
    public TimeSpan MonitorInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>This process as the run rows name their worker (one per service, so one per process in the app).</summary>
    public WorkerIdentity Worker { get; init; } = WorkerIdentity.ForThisProcess();

    /// <summary>Where this process trains unless told otherwise (<c>BlendSign:Training:Device</c>).</summary>
    public DeviceChoice ConfiguredDevice => workerOptions.Value.Device;

    /// <summary>The configured defaults (<c>BlendSign:Training</c>), to adjust with <c>with</c>.</summary>
    public TrainingSettings DefaultSettings => TrainingSettings.FromOptions(options.Value);

    /// <summary>The informational version of the build (with the git commit when the build saw one).</summary>
    public static string CodeVersion { get; } =
        typeof(TrainingRunService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public RunFolder FolderOf(int runId) => storage.FolderOf(runId);

    /// <summary>
    /// This host's one training slot: whoever trains here (the server's worker, a <c>worker</c> or <c>train</c> verb)
    /// holds it, so runs execute one at a time per host; null while another holder trains. Between hosts the
    /// database's claim decides who trains what (<see cref="RunClaims"/>).
    /// </summary>
    internal RunLock? TryTakeTrainingSlot() => RunLock.TryAcquire(storage.SlotLockOf(Worker.Host));

    public string OofPathOf(int runId) => FolderOf(runId).OofPredictions;

    /// <summary>Adds a queued run on a snapshot of the gold standard as it is now; the worker picks queued runs one at a time, oldest first.</summary>
    public async Task<int> QueueAsync(TrainingSettings settings, CancellationToken cancellationToken = default, AuditActor? actor = null) =>
        (await CreateAsync([(settings, null)], TrainingRunStatus.Queued, null, actor, cancellationToken))[0];

    /// <summary>
    /// Queues the study's ablation: three runs (variants wce, wce_at, wce_at_skd) on one gold snapshot with one seed,
    /// hence the same folds, sharing an ablation group; the worker executes them one after another.
    /// </summary>
    public async Task<AblationRuns> QueueAblationAsync(TrainingSettings settings, CancellationToken cancellationToken = default, AuditActor? actor = null)
    {
        var group = $"ablation-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var arms = AblationRunner.Arms(settings);
        var ids = await CreateAsync([.. arms.Select(a => (a.Settings, (string?)a.Folder))], TrainingRunStatus.Queued, group, actor, cancellationToken);
        return new AblationRuns(group, [.. arms.Select((a, i) => new AblationRunRef(a.Folder, ids[i]))]);
    }

    /// <summary>Creates a run and executes it at once, here (the <c>train</c> verb), bypassing the queue.</summary>
    public async Task<TrainingRunOutcome> RunNowAsync(TrainingSettings settings, CancellationToken cancellationToken = default)
    {
        using var slot = await TakeTrainingSlotAsync(cancellationToken);
        var runId = (await CreateAsync([(settings, null)], TrainingRunStatus.Running, null, null, cancellationToken))[0];
        return await ExecuteAsync(runId, cancellationToken);
    }

    /// <summary>
    /// Queues an ablation and executes its rows here, one at a time; a row the server's worker took first is waited
    /// for. Stops at the first row that does not complete (the rest stay queued).
    /// </summary>
    public async Task<IReadOnlyList<TrainingRunOutcome>> RunAblationNowAsync(TrainingSettings settings, CancellationToken cancellationToken = default)
    {
        // Holding the slot for all three rows keeps the server's worker from taking a queued row in parallel.
        using var slot = await TakeTrainingSlotAsync(cancellationToken);
        var ablation = await QueueAblationAsync(settings, cancellationToken);
        var outcomes = new List<TrainingRunOutcome>();
        foreach (var row in ablation.Runs)
        {
            var outcome = await _claims.ClaimAsync(row.RunId, Worker, DeviceName(ConfiguredDevice), cancellationToken)
                ? await ExecuteAsync(row.RunId, cancellationToken)
                : await WaitForAsync(row.RunId, cancellationToken);
            outcomes.Add(outcome);
            // A diverged row is a result (a bad one) and the next row still says something; anything else stops.
            if (!outcome.Status.TrainedToTheEnd())
            {
                break;
            }
        }

        return outcomes;
    }

    /// <summary>
    /// The ablation once per seed (<paramref name="seeds"/> seeds from the settings' seed on, each its own ablation
    /// group on the same gold snapshot), so each row can be reported as mean ± SD over seeds. Stops at the first
    /// seed whose rows did not all finish.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<TrainingRunOutcome>>> RunAblationSeedsNowAsync(
        TrainingSettings settings, int seeds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        var all = new List<IReadOnlyList<TrainingRunOutcome>>();
        for (var i = 0; i < seeds; i++)
        {
            var rows = await RunAblationNowAsync(settings with { Seed = settings.Seed + i }, cancellationToken);
            all.Add(rows);
            if (rows.Count < AblationRunner.Arms(settings).Count || !rows.All(r => r.Status.TrainedToTheEnd()))
            {
                break;
            }
        }

        return all;
    }

    /// <summary>
    /// Continues a run that did not complete (interrupted, failed, cancelled or still queued) here and now, from its
    /// checkpoints. Refused for a completed run and for one another process is training.
    /// </summary>
    public async Task<TrainingRunOutcome> ResumeNowAsync(int runId, CancellationToken cancellationToken = default)
    {
        using var slot = await TakeTrainingSlotAsync(cancellationToken);
        using var runLock = RunLock.TryAcquire(FolderOf(runId).Lock)
            ?? throw new RunNotResumableException($"Run {runId} is being trained by another process.");
        TrainingSettings settings;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var run = await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken)
                ?? throw new RunNotResumableException($"No training run has the id {runId}.");
            if (run.Status == TrainingRunStatus.Completed)
            {
                throw new RunNotResumableException($"Run {runId} is already completed.");
            }

            if (run.Status == TrainingRunStatus.Diverged)
            {
                throw new RunNotResumableException(
                    $"Run {runId} diverged ({run.Error}); resuming would repeat it. Start a new run with other settings (a lower learning rate, clipping).");
            }

            settings = ReadSettings(run);
        }

        var note = ResumeNoteFor(runId, settings);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            var updated = await db.TrainingRuns.Where(r => r.Id == runId && r.Status != TrainingRunStatus.Completed && r.Status != TrainingRunStatus.Diverged)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Running)
                    .SetProperty(r => r.ResumeCount, r => r.ResumeCount + 1)
                    .SetProperty(r => r.CancelRequested, false)
                    .SetProperty(r => r.Error, (string?)null)
                    .SetProperty(r => r.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                    .SetProperty(r => r.WorkerId, Worker.Id)
                    .SetProperty(r => r.HeartbeatAt, now)
                    .SetProperty(r => r.ProgressMessage, note.Describe()), cancellationToken);
            if (updated == 0)
            {
                throw new RunNotResumableException($"Run {runId} completed meanwhile.");
            }
        }

        history.AddResume(runId, note);
        logger.LogInformation("run {RunId} {Resume}", runId, note.Describe());
        return await ExecuteLockedAsync(runId, ConfiguredDevice, cancellationToken);
    }

    /// <summary>Marks the oldest queued run as running for this process and returns its id; null when none is queued.</summary>
    public Task<int?> ClaimNextQueuedAsync(CancellationToken cancellationToken = default) =>
        ClaimNextQueuedAsync(ConfiguredDevice, cancellationToken);

    /// <inheritdoc cref="ClaimNextQueuedAsync(CancellationToken)"/>
    public Task<int?> ClaimNextQueuedAsync(DeviceChoice device, CancellationToken cancellationToken = default) =>
        _claims.ClaimNextQueuedAsync(Worker, DeviceName(device), cancellationToken);

    /// <summary>A queued run is cancelled at once; a running one is asked to stop and stops within a batch or two.</summary>
    public async Task RequestCancelAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var dequeued = await db.TrainingRuns.Where(r => r.Id == runId && r.Status == TrainingRunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Cancelled)
                .SetProperty(r => r.CancelRequested, true).SetProperty(r => r.FinishedAt, now), cancellationToken);
        if (dequeued == 0)
        {
            await db.TrainingRuns.Where(r => r.Id == runId && r.Status == TrainingRunStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), cancellationToken);
        }
    }

    /// <summary>
    /// Runs whose worker is gone (a crash, a kill, a shutdown mid-run, a host that stopped heartbeating) go back to the
    /// queue, to continue from their checkpoints: ResumeCount + 1 and a note of where they pick up. A run whose lock a
    /// live process holds is left alone; otherwise <see cref="RunClaims.IsStale"/> decides (the lock on this host, the
    /// heartbeat across hosts). Every worker calls it, holding its host's slot, before it claims.
    /// </summary>
    public async Task<int> RequeueStaleRunsAsync(CancellationToken cancellationToken = default)
    {
        var requeued = 0;
        var staleAfter = workerOptions.Value.StaleAfter;
        foreach (var run in await _claims.RunningAsync(cancellationToken))
        {
            using var runLock = RunLock.TryAcquire(FolderOf(run.Id).Lock);
            if (runLock is null)
            {
                logger.LogDebug("run {RunId} is being trained by another process; left running", run.Id);
                continue;
            }

            if (!RunClaims.IsStale(run, Worker.Host, time.GetUtcNow(), staleAfter))
            {
                continue;
            }

            var note = ResumeNoteFor(run.Id, ReadSettings(run));
            if (await _claims.RequeueAsync(run, note.Describe(), cancellationToken))
            {
                history.AddResume(run.Id, note);
                logger.LogWarning("run {RunId} lost its worker ({WorkerId}); queued again, {Resume}", run.Id, run.WorkerId ?? "unknown", note.Describe());
                requeued++;
            }
        }

        return requeued;
    }

    /// <summary>The stored outcome of a run (its report when completed or diverged after training).</summary>
    public async Task<TrainingRunOutcome> LoadOutcomeAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
        return new TrainingRunOutcome(runId, run.Status, TrainingReport.Read(run), run.OofPredictionsPath, run.Error) { Variant = run.Variant };
    }

    /// <summary>"fold 3/5 · epoch 7/50 · batch 12/40 · loss 0.41 …", as the run's progress message.</summary>
    public static string Describe(TrainingProgress p) => ProgressText.Describe(p);

    private async Task<RunLock> TakeTrainingSlotAsync(CancellationToken cancellationToken)
    {
        var slot = TryTakeTrainingSlot();
        if (slot is not null)
        {
            return slot;
        }

        logger.LogInformation("Another process is training in this data directory; waiting for its run to finish");
        using var timer = new PeriodicTimer(MonitorInterval);
        while (true)
        {
            await timer.WaitForNextTickAsync(cancellationToken);
            if (TryTakeTrainingSlot() is { } taken)
            {
                return taken;
            }
        }
    }

    private static string DeviceName(DeviceChoice device) => TorchRuntime.Describe(TorchRuntime.SelectDevice(device));

    private async Task<TrainingRunOutcome> WaitForAsync(int runId, CancellationToken cancellationToken)
    {
        logger.LogInformation("run {RunId} was taken by another process (the server?); waiting for it", runId);
        using var timer = new PeriodicTimer(MonitorInterval);
        while (true)
        {
            var outcome = await LoadOutcomeAsync(runId, cancellationToken);
            if (outcome.Status.TrainedToTheEnd() || outcome.Status is TrainingRunStatus.Failed or TrainingRunStatus.Cancelled)
            {
                return outcome;
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    private ResumeNote ResumeNoteFor(int runId, TrainingSettings settings)
    {
        var point = CrossValidator.FindResumePoint(FolderOf(runId).Checkpoints, settings.Folds);
        return point is null
            ? new ResumeNote(time.GetUtcNow(), 1, 0, 1, FromCheckpoint: false)
            : new ResumeNote(time.GetUtcNow(), point.Fold, point.Generation, Math.Min(point.EpochsDone + 1, settings.Epochs), FromCheckpoint: true);
    }

    private static TrainingSettings ReadSettings(TrainingRun run) =>
        JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options)
        ?? throw new InvalidOperationException($"Run {run.Id} has no configuration.");

    private async Task<IReadOnlyList<int>> CreateAsync(
        IReadOnlyList<(TrainingSettings Settings, string? Variant)> runs, TrainingRunStatus status, string? group,
        AuditActor? actor, CancellationToken cancellationToken)
    {
        var problems = runs.SelectMany(r => r.Settings.Validate()).Distinct().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(runs));
        }

        var snapshot = await snapshots.CreateAsync(GoldSnapshotService.TrainingReason, actor ?? AuditActor.System("training"), cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var device = TorchRuntime.Describe(TorchRuntime.SelectDevice());
        var created = runs.Select(r => new TrainingRun
        {
            Status = status,
            ConfigurationJson = JsonSerializer.Serialize(r.Settings, TrainingJson.Options),
            Seed = r.Settings.Seed,
            GoldSnapshotId = snapshot.Id,
            AblationGroup = group,
            Variant = r.Variant,
            Device = device,
            CodeVersion = CodeVersion,
            CreatedAt = now,
            StartedAt = status == TrainingRunStatus.Running ? now : null,
            WorkerId = status == TrainingRunStatus.Running ? Worker.Id : null,
            HeartbeatAt = status == TrainingRunStatus.Running ? now : null,
        }).ToList();
        db.TrainingRuns.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var run in created)
        {
            logger.LogInformation("run {RunId} {Status}{Variant} on gold snapshot {SnapshotId} ({Hash})",
                run.Id, status == TrainingRunStatus.Queued ? "queued" : "created", run.Variant is null ? "" : $" ({group} {run.Variant})",
                snapshot.Id, snapshot.ContentHash[..12]);
        }

        return [.. created.Select(r => r.Id)];
    }
}

/// <summary>An ablation's group id and its three rows' runs, in the study's order.</summary>
public sealed record AblationRuns(string Group, IReadOnlyList<AblationRunRef> Runs);

public sealed record AblationRunRef(string Variant, int RunId);

/// <summary>A run that cannot be resumed (unknown, completed, or trained elsewhere right now): a user's matter.</summary>
public sealed class RunNotResumableException(string message) : Exception(message);
