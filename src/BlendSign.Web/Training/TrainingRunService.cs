using System.Globalization;
using System.Reflection;
using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.Data.Configuration;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Torch;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Training;

/// <summary>
/// Queues, claims and executes training runs; the hosted <see cref="TrainingWorker"/> and the <c>train</c> verb both
/// go through it. A run trains on the gold snapshot taken when it was created (<see cref="TrainingSet"/>), cross-validated by scan,
/// and leaves its out-of-fold predictions in the database and at <c>{DataDirectory}/runs/{id}/oof_predictions.csv</c>.
/// </summary>
public sealed class TrainingRunService(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    SliceStore sliceStore,
    DataPaths paths,
    CrossValidator crossValidator,
    GoldSnapshotService snapshots,
    IOptions<TrainingOptions> options,
    TrainingProgressNotifier notifier,
    TimeProvider time,
    ILogger<TrainingRunService> logger)
{
    public const string OofFileName = "oof_predictions.csv";
    public const string InterruptedError = "interrupted by a restart";

    /// <summary>How often an executing run stores its progress and looks for a cancel request.</summary>
    public TimeSpan MonitorInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The configured defaults (<c>BlendSign:Training</c>), to adjust with <c>with</c>.</summary>
    public TrainingSettings DefaultSettings => TrainingSettings.FromOptions(options.Value);

    public static string CodeVersion { get; } =
        typeof(TrainingRunService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public string OofPathOf(int runId) => Path.Combine(paths.Runs, runId.ToString(CultureInfo.InvariantCulture), OofFileName);

    /// <summary>Adds a queued run on a snapshot of the gold standard as it is now; the worker picks queued runs one at a time, oldest first.</summary>
    public Task<int> QueueAsync(TrainingSettings settings, CancellationToken cancellationToken = default, AuditActor? actor = null) =>
        CreateAsync(settings, TrainingRunStatus.Queued, cancellationToken, actor);

    /// <summary>Creates a run and executes it at once, here (the <c>train</c> verb), bypassing the queue.</summary>
    public async Task<TrainingRunOutcome> RunNowAsync(TrainingSettings settings, CancellationToken cancellationToken = default)
    {
        var runId = await CreateAsync(settings, TrainingRunStatus.Running, cancellationToken);
        return await ExecuteAsync(runId, cancellationToken);
    }

    /// <summary>Marks the oldest queued run as running and returns its id; null when none is queued.</summary>
    public async Task<int?> ClaimNextQueuedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var candidate = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Queued)
                .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } runId)
            {
                return null;
            }

            // Conditional update: of two claimants (server and verb, or two servers) only one wins.
            var now = time.GetUtcNow();
            var claimed = await db.TrainingRuns
                .Where(r => r.Id == runId && r.Status == TrainingRunStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Running).SetProperty(r => r.StartedAt, now),
                    cancellationToken);
            if (claimed == 1)
            {
                return runId;
            }
        }
    }

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

    /// <summary>Runs left Running when the process died: marked failed. Called once as the server starts.</summary>
    public async Task<int> FailInterruptedRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Failed)
                .SetProperty(r => r.Error, InterruptedError).SetProperty(r => r.FinishedAt, now), cancellationToken);
    }

    /// <summary>Executes a claimed (running) run to its end: Completed, Failed with the error, or Cancelled.</summary>
    public async Task<TrainingRunOutcome> ExecuteAsync(int runId, CancellationToken cancellationToken = default)
    {
        TrainingSettings settings;
        int? snapshotId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
            if (run.Status != TrainingRunStatus.Running)
            {
                throw new InvalidOperationException($"Run {runId} is {run.Status}; only a claimed (running) run can be executed.");
            }

            settings = JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options)
                ?? throw new InvalidOperationException($"Run {runId} has no configuration.");
            snapshotId = run.GoldSnapshotId;
        }

        logger.LogInformation("run {RunId} started: {Folds} folds, {Epochs} epochs, {ImageSize} px, batch {BatchSize}, {Backbone}, seed {Seed}",
            runId, settings.Folds, settings.Epochs, settings.ImageSize, settings.BatchSize, settings.Backbone, settings.Seed);
        notifier.Publish(new TrainingProgressUpdate(runId, TrainingRunStatus.Running, null, "starting"));
        await using var monitor = new RunMonitor(dbFactory, logger, runId, MonitorInterval, cancellationToken);
        TrainingSet set;
        CrossValidationResult result;
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(monitor.Token))
            {
                set = snapshotId is { } id
                    ? await TrainingSet.FromSnapshotAsync(db, id, monitor.Token)
                    : await TrainingSet.LoadAsync(db, monitor.Token);
            }

            logger.LogInformation("run {RunId}: {Slices} gold-labelled slices from {Scans} scans",
                runId, set.Examples.Count, set.Examples.Select(e => e.GroupId).Distinct().Count());
            CheckEnough(set, settings);

            var progress = new SynchronousProgress<TrainingProgress>(p => OnProgress(runId, p, monitor));
            var images = new SliceStoreImageSource(sliceStore, set.StoreKeys);
            result = await Task.Run(() => crossValidator.Run(set.Examples, images, settings, progress, monitor.Token), monitor.Token);
        }
        catch (OperationCanceledException) when (monitor.Token.IsCancellationRequested)
        {
            await monitor.StopAsync();
            return monitor.CancelRequested
                ? await FinishAsync(runId, TrainingRunStatus.Cancelled, null)
                : await FinishAsync(runId, TrainingRunStatus.Failed, "interrupted by a shutdown");
        }
        catch (TrainingSetException exception)
        {
            await monitor.StopAsync();
            return await FinishAsync(runId, TrainingRunStatus.Failed, exception.Message);
        }
        catch (Exception exception)
        {
            await monitor.StopAsync();
            logger.LogError(exception, "run {RunId} failed", runId);
            return await FinishAsync(runId, TrainingRunStatus.Failed, exception.Message);
        }

        await monitor.StopAsync();
        try
        {
            return await CompleteAsync(runId, set, result);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "run {RunId} trained but its results could not be stored", runId);
            return await FinishAsync(runId, TrainingRunStatus.Failed, "could not store the results: " + exception.Message);
        }
    }

    /// <summary>"fold 3/5 epoch 7/50 batch 12/40 loss 0.41", as the run's progress message.</summary>
    public static string Describe(TrainingProgress p) => p.Stage switch
    {
        TrainingStage.Predicting => FormattableString.Invariant($"fold {p.Fold}/{p.Folds} predicting batch {p.Batch}/{p.Batches}"),
        TrainingStage.FoldCompleted => FormattableString.Invariant($"fold {p.Fold}/{p.Folds} done, loss {p.Loss:0.###}"),
        _ => FormattableString.Invariant(
            $"fold {p.Fold}/{p.Folds} epoch {p.Epoch}/{p.Epochs} batch {p.Batch}/{p.Batches} loss {p.EpochLoss:0.###}"),
    };

    private static void CheckEnough(TrainingSet set, TrainingSettings settings)
    {
        if (set.Examples.Count == 0)
        {
            throw new TrainingSetException(
                $"No slice has a gold label yet: a slice needs a majority of {TrainingSet.ExpectedRaters} raters' reads, in a scan not excluded.");
        }

        var scans = set.Examples.Select(e => e.GroupId).Distinct().Count();
        if (scans < settings.Folds)
        {
            throw new TrainingSetException(
                $"{settings.Folds} folds need at least {settings.Folds} scans with gold-labelled slices; there are {scans}.");
        }
    }

    private void OnProgress(int runId, TrainingProgress progress, RunMonitor monitor)
    {
        monitor.Report(progress);
        if (progress.Stage == TrainingStage.EpochCompleted)
        {
            logger.LogInformation("run {RunId} fold {Fold} epoch {Epoch} loss {Loss:0.00}", runId, progress.Fold, progress.Epoch, progress.Loss);
        }

        notifier.Publish(new TrainingProgressUpdate(runId, TrainingRunStatus.Running, progress, Describe(progress)));
    }

    private async Task<int> CreateAsync(
        TrainingSettings settings, TrainingRunStatus status, CancellationToken cancellationToken, AuditActor? actor = null)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        }

        var snapshot = await snapshots.CreateAsync(GoldSnapshotService.TrainingReason, actor ?? AuditActor.System("training"), cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var run = new TrainingRun
        {
            Status = status,
            ConfigurationJson = JsonSerializer.Serialize(settings, TrainingJson.Options),
            Seed = settings.Seed,
            GoldSnapshotId = snapshot.Id,
            Device = TorchRuntime.Describe(TorchRuntime.SelectDevice()),
            CodeVersion = CodeVersion,
            CreatedAt = now,
            StartedAt = status == TrainingRunStatus.Running ? now : null,
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("run {RunId} {Status} on gold snapshot {SnapshotId} ({Hash})",
            run.Id, status == TrainingRunStatus.Queued ? "queued" : "created", snapshot.Id, snapshot.ContentHash[..12]);
        return run.Id;
    }

    private async Task<TrainingRunOutcome> CompleteAsync(int runId, TrainingSet set, CrossValidationResult result)
    {
        // The results are written even if a stop arrives now: the training itself is done.
        var report = TrainingReport.From(result);
        var oofPath = OofPathOf(runId);
        await OofPredictionsCsv.WriteAsync(oofPath, result.Predictions, CancellationToken.None);

        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.SlicePredictions.AddRange(result.Predictions.Select(p => new SlicePrediction
        {
            TrainingRunId = runId,
            SliceId = set.SliceIds[p.SampleId],
            Fold = p.Fold,
            GoldLabel = (HemorrhageClass)p.Label,
            PNonIch = p.Probabilities[0],
            PNormalIch = p.Probabilities[1],
            PBlendSign = p.Probabilities[2],
        }));
        var run = await db.TrainingRuns.SingleAsync(r => r.Id == runId);
        run.Status = TrainingRunStatus.Completed;
        run.Device = result.Device;
        run.ResultJson = JsonSerializer.Serialize(report, TrainingJson.Options);
        run.OofPredictionsPath = oofPath;
        run.FinishedAt = time.GetUtcNow();
        run.ProgressFraction = 1.0;
        run.ProgressMessage = "completed";
        await db.SaveChangesAsync();

        var blendSign = report.PerClass[HemorrhageClassNames.BlendSign];
        logger.LogInformation("run {RunId} completed: {Slices} slices, blend_sign sensitivity {Sensitivity:0.000} specificity {Specificity:0.000} AUC {Auc:0.000}",
            runId, report.Slices, blendSign.Sensitivity, blendSign.Specificity, blendSign.Auc);
        notifier.Publish(new TrainingProgressUpdate(runId, TrainingRunStatus.Completed, null, "completed"));
        return new TrainingRunOutcome(runId, TrainingRunStatus.Completed, report, oofPath, null);
    }

    private async Task<TrainingRunOutcome> FinishAsync(int runId, TrainingRunStatus status, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = time.GetUtcNow();
        var message = status == TrainingRunStatus.Cancelled ? "cancelled" : "failed";
        await db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.Error, error)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.ProgressMessage, message));
        if (status == TrainingRunStatus.Cancelled)
        {
            logger.LogInformation("run {RunId} cancelled", runId);
        }
        else
        {
            logger.LogWarning("run {RunId} failed: {Error}", runId, error);
        }

        notifier.Publish(new TrainingProgressUpdate(runId, status, null, error is null ? message : $"{message}: {error}"));
        return new TrainingRunOutcome(runId, status, null, null, error);
    }
}
