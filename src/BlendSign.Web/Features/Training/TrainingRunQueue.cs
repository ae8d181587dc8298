using System.Globalization;
using System.Reflection;
using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Torch;
using BlendSign.Model.Training;
using BlendSign.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// A run interrupted by a shutdown or a crash stays Running; the next worker to look queues it again
/// (<see cref="RequeueStaleRunsAsync"/>) and it continues from its checkpoints.
/// </summary>
public sealed class TrainingRunQueue(
    IDbContextFactory<BlendSignDbContext> dbFactory, GoldSnapshotService snapshots, IOptions<TrainingOptions> options,
    TrainingProcess process, RunHistoryStore history, ILogger<TrainingRunQueue> logger)
{
    /// <summary>The informational version of the build (with the git commit when the build saw one), stamped on every run.</summary>
    public static string CodeVersion { get; } =
        typeof(TrainingRunQueue).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The configured defaults (<c>BlendSign:Training</c>; unset sizes follow the device), to adjust with <c>with</c>.</summary>
    public TrainingSettings DefaultSettings => TrainingSettings.FromOptions(options.Value, TrainsOnGpu);

    /// <summary>Whether this process's worker trains on a GPU (the configured device, and CUDA present).</summary>
    public bool TrainsOnGpu => process.ConfiguredDevice != DeviceChoice.Cpu && TorchRuntime.IsCudaAvailable;

    /// <summary>Adds a queued run on a snapshot of the gold standard as it is now; workers take queued runs one at a time, oldest first.</summary>
    public async Task<int> QueueAsync(TrainingSettings settings, CancellationToken cancellationToken = default, AuditActor? actor = null) =>
        (await CreateAsync([(settings, null)], TrainingRunStatus.Queued, null, actor, cancellationToken))[0];

    /// <summary>
    /// A reviewer's retrain: refused with <see cref="TrainingSetException"/> when this actor already queued one from the
    /// same source on the same gold snapshot (another click, or no decision since).
    /// </summary>
    public async Task<int> QueueRetrainAsync(TrainingSettings settings, AuditActor actor, CancellationToken cancellationToken = default) =>
        (await CreateAsync([(settings, null)], TrainingRunStatus.Queued, null, actor, cancellationToken, oncePerSnapshot: true))[0];

    /// <summary>Three runs on one gold snapshot with one seed, hence the same folds.</summary>
    public async Task<AblationRuns> QueueAblationAsync(TrainingSettings settings, CancellationToken cancellationToken = default, AuditActor? actor = null)
    {
        var group = $"ablation-{process.Time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var arms = AblationRunner.Arms(settings);
        var ids = await CreateAsync([.. arms.Select(a => (a.Settings, (string?)a.Folder))], TrainingRunStatus.Queued, group, actor, cancellationToken);
        return new AblationRuns(group, [.. arms.Select((a, i) => new AblationRunRef(a.Folder, ids[i]))]);
    }

    /// <summary>A run claimed by this process at once (the <c>train</c> verb), bypassing the queue.</summary>
    internal async Task<int> CreateRunningAsync(TrainingSettings settings, CancellationToken cancellationToken) =>
        (await CreateAsync([(settings, null)], TrainingRunStatus.Running, null, CliActor.For(AuditSources.Cli), cancellationToken))[0];

    /// <summary>Marks the oldest queued run as running for this process and returns its id; null when none is queued.</summary>
    public Task<int?> ClaimNextQueuedAsync(CancellationToken cancellationToken = default) =>
        ClaimNextQueuedAsync(process.ConfiguredDevice, cancellationToken);

    /// <inheritdoc cref="ClaimNextQueuedAsync(CancellationToken)"/>
    public Task<int?> ClaimNextQueuedAsync(DeviceChoice device, CancellationToken cancellationToken = default) =>
        process.Claims.ClaimNextQueuedAsync(process.Worker, TrainingProcess.DeviceName(device), cancellationToken);

    /// <summary>Claims one queued run for this process; false when another worker took it first.</summary>
    internal Task<bool> ClaimAsync(int runId, CancellationToken cancellationToken) =>
        process.Claims.ClaimAsync(runId, process.Worker, TrainingProcess.DeviceName(process.ConfiguredDevice), cancellationToken);

    /// <summary>A queued run is cancelled at once; a running one is asked to stop and stops within a batch or two.</summary>
    public async Task RequestCancelAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = process.Time.GetUtcNow();
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
    /// Runs whose worker is gone go back to the queue, to continue from their checkpoints. A run whose lock a live process
    /// holds is left alone; otherwise <see cref="RunClaims.IsStale"/> decides. Every worker calls it, holding its slot, before it claims.
    /// </summary>
    public async Task<int> RequeueStaleRunsAsync(CancellationToken cancellationToken = default)
    {
        var requeued = 0;
        foreach (var run in await process.Claims.RunningAsync(cancellationToken))
        {
            using var runLock = RunLock.TryAcquire(process.FolderOf(run.Id).Lock);
            if (runLock is null)
            {
                logger.LogDebug("run {RunId} is being trained by another process; left running", run.Id);
                continue;
            }

            if (!RunClaims.IsStale(run, process.Worker.Host, process.Time.GetUtcNow(), process.Options.StaleAfter))
            {
                continue;
            }

            var note = ResumeNoteFor(run.Id, ReadSettings(run));
            if (await process.Claims.RequeueAsync(run, note.Describe(), cancellationToken))
            {
                history.AddResume(run.Id, note);
                logger.LogWarning("run {RunId} lost its worker ({WorkerId}); queued again, {Resume}", run.Id, run.WorkerId ?? "unknown", note.Describe());
                requeued++;
            }
        }

        return requeued;
    }

    public async Task<TrainingRunOutcome> LoadOutcomeAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
        return new TrainingRunOutcome(runId, run.Status, TrainingReport.Read(run), run.OofPredictionsPath, run.Error) { Variant = run.Variant };
    }

    internal ResumeNote ResumeNoteFor(int runId, TrainingSettings settings)
    {
        var point = CrossValidator.FindResumePoint(process.FolderOf(runId).Checkpoints, settings.Folds);
        return point is null
            ? new ResumeNote(process.Time.GetUtcNow(), 1, 0, 1, FromCheckpoint: false)
            : new ResumeNote(process.Time.GetUtcNow(), point.Fold, point.Generation, Math.Min(point.EpochsDone + 1, settings.Epochs), FromCheckpoint: true);
    }

    internal static TrainingSettings ReadSettings(TrainingRun run) =>
        JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options)
        ?? throw new InvalidOperationException($"Run {run.Id} has no configuration.");

    /// <exception cref="TrainingSetException">The snapshot has no gold-labelled slice, or fewer labelled scans than folds.</exception>
    private static async Task RefuseWithoutTrainingSlicesAsync(BlendSignDbContext db, int snapshotId, int folds, CancellationToken cancellationToken)
    {
        var labelled = db.GoldSnapshotEntries.Where(e => e.GoldSnapshotId == snapshotId && e.Label != null);
        var slices = await labelled.CountAsync(cancellationToken);
        if (slices == 0)
        {
            throw new TrainingSetException(
                "Not queued: no slice has a gold label yet, so the run would have nothing to train on. A slice gets one when "
                + "most of its raters have read it (or a lead adjudicates it), in a scan that is not excluded.");
        }

        var scans = await labelled.Select(e => e.Slice.ScanId).Distinct().CountAsync(cancellationToken);
        if (scans < folds)
        {
            throw new TrainingSetException(
                $"Not queued: {folds} folds need at least {folds} scans with gold-labelled slices, and the gold standard has {scans}. "
                + "Use fewer folds or read more scans.");
        }
    }

    /// <summary>The run this actor queued, from the same source, on the snapshot; null when none.</summary>
    private static async Task<string?> QueuedEarlierAsync(BlendSignDbContext db, AuditActor actor, int snapshotId, CancellationToken cancellationToken)
    {
        var runKeys = (await db.TrainingRuns.Where(r => r.GoldSnapshotId == snapshotId).Select(r => r.Id).ToListAsync(cancellationToken))
            .Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        return await db.AuditEntries
            .Where(a => a.Entity == AuditEntity.TrainingRun && a.Action == AuditAction.Create && a.ActorId == actor.UserId
                && a.Source == actor.Source && runKeys.Contains(a.EntityKey))
            .OrderBy(a => a.Id).Select(a => a.EntityKey).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<int>> CreateAsync(
        IReadOnlyList<(TrainingSettings Settings, string? Variant)> runs, TrainingRunStatus status, string? group,
        AuditActor? actor, CancellationToken cancellationToken, bool oncePerSnapshot = false)
    {
        var problems = runs.SelectMany(r => r.Settings.Validate()).Distinct().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(runs));
        }

        var snapshot = await snapshots.CreateAsync(GoldSnapshotService.TrainingReason, actor ?? AuditActor.System("training"), cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RefuseWithoutTrainingSlicesAsync(db, snapshot.Id, runs.Max(r => r.Settings.Folds), cancellationToken);
        if (oncePerSnapshot && actor is not null && await QueuedEarlierAsync(db, actor, snapshot.Id, cancellationToken) is { } earlier)
        {
            throw new TrainingSetException(
                $"Not queued: you queued run {earlier} on this gold standard already. A retrain needs review decisions that change it.");
        }

        var now = process.Time.GetUtcNow();
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
            WorkerId = status == TrainingRunStatus.Running ? process.Worker.Id : null,
            HeartbeatAt = status == TrainingRunStatus.Running ? now : null,
        }).ToList();
        db.TrainingRuns.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        var who = actor ?? AuditActor.System("training");
        foreach (var (run, settings) in created.Zip(runs.Select(r => r.Settings)))
        {
            db.Record(who, AuditAction.Create, AuditEntity.TrainingRun, run.Id.ToString(CultureInfo.InvariantCulture), null,
                new { status = run.Status.ToString(), goldSnapshot = snapshot.Id, group, variant = run.Variant, settings });
        }

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

public sealed record AblationRuns(string Group, IReadOnlyList<AblationRunRef> Runs);

public sealed record AblationRunRef(string Variant, int RunId);
