using System.Text.Json;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Health;
using BlendSign.Model.Torch;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Training;

/// <summary>Trains each claimed run on the gold snapshot taken when it was created, cross-validated by scan.</summary>
public sealed class TrainingRunExecutor(
    IDbContextFactory<BlendSignDbContext> dbFactory, SliceStore sliceStore, CrossValidator crossValidator, TrainingProcess process,
    TrainingProgressNotifier notifier, RunHistoryStore history, ILogger<TrainingRunExecutor> logger)
{
    public const string ShutdownMessage = "interrupted by a shutdown; resumes when a worker picks it up again";
    public const string TakenOverMessage = "taken over by another worker";

    /// <summary>
    /// A shutdown leaves the run Running (outcome status Running) to be resumed; it continues from the run's checkpoints
    /// when it has some.
    /// </summary>
    public Task<TrainingRunOutcome> ExecuteAsync(int runId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(runId, process.ConfiguredDevice, cancellationToken);

    /// <inheritdoc cref="ExecuteAsync(int, CancellationToken)"/>
    /// <param name="device">Where this process trains it (the <c>worker</c> verb's <c>--device</c>).</param>
    public async Task<TrainingRunOutcome> ExecuteAsync(int runId, DeviceChoice device, CancellationToken cancellationToken = default)
    {
        using var runLock = RunLock.TryAcquire(process.FolderOf(runId).Lock);
        if (runLock is null)
        {
            logger.LogWarning("run {RunId} is being trained by another process; not executed here", runId);
            return new TrainingRunOutcome(runId, TrainingRunStatus.Running, null, null, "being trained by another process");
        }

        return await ExecuteLockedAsync(runId, device, cancellationToken);
    }

    /// <summary>As <see cref="ExecuteAsync(int, DeviceChoice, CancellationToken)"/> for a caller that holds the run's lock.</summary>
    internal async Task<TrainingRunOutcome> ExecuteLockedAsync(int runId, DeviceChoice device, CancellationToken cancellationToken)
    {
        var run = await LoadClaimedAsync(runId, cancellationToken);
        var settings = TrainingRunQueue.ReadSettings(run) with { Device = device };
        AnnounceStart(run, settings);
        await using var monitor = new RunMonitor(dbFactory, process.Claims, process.Worker,
            new RunMonitorTiming(process.MonitorInterval, process.Options.Heartbeat), process.Time, logger, runId, cancellationToken);
        TrainingSet set;
        CrossValidationResult result;
        try
        {
            (set, result) = await TrainAsync(run, settings, monitor);
        }
        catch (OperationCanceledException) when (monitor.Token.IsCancellationRequested)
        {
            await StopMonitoringAsync();
            return await StoppedAsync(runId, monitor);
        }
        catch (TrainingDivergedException exception)
        {
            await StopMonitoringAsync();
            return await FinishAsync(runId, TrainingRunStatus.Diverged, exception.Finding.Reason);
        }
        catch (TrainingSetException exception)
        {
            await StopMonitoringAsync();
            return await FinishAsync(runId, TrainingRunStatus.Failed, exception.Message);
        }
        catch (Exception exception)
        {
            await StopMonitoringAsync();
            logger.LogError(exception, "run {RunId} failed", runId);
            // The run's error is shown on the pages: LibTorch's message without its C++ stack.
            return await FinishAsync(runId, TrainingRunStatus.Failed, NativeErrorRetry.FirstLine(exception.Message));
        }

        await StopMonitoringAsync();
        return await CompleteOrFailAsync(run, set, result);

        async Task StopMonitoringAsync()
        {
            await monitor.StopAsync();
            history.Release(runId);
        }
    }

    private void AnnounceStart(TrainingRun run, TrainingSettings settings)
    {
        logger.LogInformation("run {RunId} started{Variant}: {Folds} folds, {Epochs} epochs, {ImageSize} px, batch {BatchSize}, {Backbone}, detection {Detection}, SKD {Generations} generation(s), seed {Seed}",
            run.Id, run.Variant is null ? "" : $" ({run.Variant})", settings.Folds, settings.Epochs, settings.ImageSize, settings.BatchSize,
            settings.Backbone, settings.Detection, settings.EffectiveGenerations, settings.Seed);
        notifier.Publish(new TrainingProgressUpdate(run.Id, TrainingRunStatus.Running, null, "starting"));
    }

    private async Task<TrainingRunOutcome> StoppedAsync(int runId, RunMonitor monitor)
    {
        if (monitor.ClaimLost)
        {
            // Another worker holds the row now: neither finish nor annotate it.
            return new TrainingRunOutcome(runId, TrainingRunStatus.Running, null, null, TakenOverMessage);
        }

        return monitor.CancelRequested
            ? await FinishAsync(runId, TrainingRunStatus.Cancelled, null)
            : await InterruptedAsync(runId);
    }

    private async Task<TrainingRunOutcome> CompleteOrFailAsync(TrainingRun run, TrainingSet set, CrossValidationResult result)
    {
        try
        {
            return await CompleteAsync(run, set, result);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "run {RunId} trained but its results could not be stored", run.Id);
            return await FinishAsync(run.Id, TrainingRunStatus.Failed, "could not store the results: " + exception.Message);
        }
    }

    private async Task<TrainingRun> LoadClaimedAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
        return run.Status == TrainingRunStatus.Running
            ? run
            : throw new InvalidOperationException($"Run {runId} is {run.Status}; only a claimed (running) run can be executed.");
    }

    private async Task<(TrainingSet Set, CrossValidationResult Result)> TrainAsync(TrainingRun run, TrainingSettings settings, RunMonitor monitor)
    {
        var runId = run.Id;
        TrainingSet set;
        await using (var db = await dbFactory.CreateDbContextAsync(monitor.Token))
        {
            set = run.GoldSnapshotId is { } id
                ? await TrainingSet.FromSnapshotAsync(db, id, monitor.Token)
                : await TrainingSet.LoadAsync(db, monitor.Token);
            if (settings.FoldsFromRun is { } earlier)
            {
                settings = settings with { FixedFolds = await RunFolds.LoadAsync(db, earlier, settings.Folds, monitor.Token) };
                logger.LogInformation("run {RunId} keeps the folds of run {Earlier}", runId, earlier);
            }
        }

        logger.LogInformation("run {RunId}: {Slices} gold-labelled slices from {Scans} scans, {Boxes} consensus boxes",
            runId, set.Examples.Count, set.Examples.Select(e => e.GroupId).Distinct().Count(), set.Examples.Sum(e => e.GoldBoxes.Count));
        CheckEnough(set, settings);

        var progress = new SynchronousProgress<TrainingProgress>(p => OnProgress(runId, p, monitor));
        var images = new SliceStoreImageSource(sliceStore, set.StoreKeys);
        var checkpoints = process.FolderOf(runId).Checkpoints;
        var retries = process.Options.NativeErrorRetries;
        // A LibTorch error is retried from the last checkpoint a few times (see NativeErrorRetry for why).
        var result = await Task.Run(
            () => NativeErrorRetry.Run(
                () => crossValidator.Run(set.Examples, images, settings, checkpoints, progress, monitor.Token, run.Variant),
                retries,
                (exception, retry) => logger.LogWarning(
                    "run {RunId}: LibTorch error \"{Error}\"; continuing from the last checkpoint (retry {Retry} of {Retries})",
                    runId, NativeErrorRetry.FirstLine(exception.Message), retry, retries)),
            monitor.Token);
        return (set, result);
    }

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
        history.Record(runId, progress);
        if (progress.Stage == TrainingStage.EpochCompleted)
        {
            logger.LogInformation("run {RunId} {Progress}", runId, ProgressText.Describe(progress));
        }

        notifier.Publish(new TrainingProgressUpdate(runId, TrainingRunStatus.Running, progress, ProgressText.Describe(progress)));
    }

    private async Task<TrainingRunOutcome> CompleteAsync(TrainingRun run, TrainingSet set, CrossValidationResult result)
    {
        // The results are written even if a stop arrives now: the training itself is done.
        var runId = run.Id;
        var report = TrainingReport.From(result);
        var oofPath = process.FolderOf(runId).OofPredictions;
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
        var stored = await db.TrainingRuns.SingleAsync(r => r.Id == runId);
        var status = result.Diverged ? TrainingRunStatus.Diverged : TrainingRunStatus.Completed;
        var divergence = DivergenceSummary(result.Findings);
        stored.Status = status;
        stored.Error = divergence;
        stored.Device = result.Device;
        stored.ResultJson = JsonSerializer.Serialize(report, TrainingJson.Options);
        stored.OofPredictionsPath = oofPath;
        stored.FinishedAt = process.Time.GetUtcNow();
        stored.ProgressFraction = 1.0;
        stored.ProgressMessage = divergence is null ? "completed" : "diverged";
        await db.SaveChangesAsync();

        var blendSign = report.PerClass[HemorrhageClassNames.BlendSign];
        if (divergence is not null)
        {
            logger.LogWarning("run {RunId} diverged: {Reason}", runId, divergence);
        }

        logger.LogInformation("run {RunId} {Status}: {Slices} slices, blend_sign sensitivity {Sensitivity:0.000} specificity {Specificity:0.000} AUC {Auc:0.000}",
            runId, stored.ProgressMessage, report.Slices, blendSign.Sensitivity, blendSign.Specificity, blendSign.Auc);
        notifier.Publish(new TrainingProgressUpdate(runId, status, null, divergence is null ? "completed" : $"diverged: {divergence}"));
        return new TrainingRunOutcome(runId, status, report, oofPath, divergence) { Variant = run.Variant };
    }

    private static string? DivergenceSummary(IReadOnlyList<DivergenceFinding> findings) => findings.Count switch
    {
        0 => null,
        1 => findings[0].Reason,
        _ => $"{findings[0].Reason} (and {findings.Count - 1} more finding{(findings.Count == 2 ? "" : "s")})",
    };

    private async Task<TrainingRunOutcome> InterruptedAsync(int runId)
    {
        // Still Running in the database, as after a crash: the next start (or train --resume) picks it up.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.TrainingRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ProgressMessage, ShutdownMessage));
        logger.LogWarning("run {RunId} {Message}", runId, ShutdownMessage);
        notifier.Publish(new TrainingProgressUpdate(runId, TrainingRunStatus.Running, null, ShutdownMessage));
        return new TrainingRunOutcome(runId, TrainingRunStatus.Running, null, null, ShutdownMessage);
    }

    private async Task<TrainingRunOutcome> FinishAsync(int runId, TrainingRunStatus status, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = process.Time.GetUtcNow();
        var message = status switch
        {
            TrainingRunStatus.Cancelled => "cancelled",
            TrainingRunStatus.Diverged => "diverged",
            _ => "failed",
        };
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
            logger.LogWarning("run {RunId} {Status}: {Error}", runId, message, error);
        }

        notifier.Publish(new TrainingProgressUpdate(runId, status, null, error is null ? message : $"{message}: {error}"));
        return new TrainingRunOutcome(runId, status, null, null, error);
    }
}
