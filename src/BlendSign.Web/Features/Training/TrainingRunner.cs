using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Training;

/// <summary>Training here and now (the <c>train</c> verb), holding this host's training slot so that the server's worker waits.</summary>
public sealed class TrainingRunner(
    IDbContextFactory<BlendSignDbContext> dbFactory, TrainingRunQueue queue, TrainingRunExecutor executor, TrainingProcess process,
    RunHistoryStore history, ILogger<TrainingRunner> logger)
{
    public async Task<TrainingRunOutcome> RunNowAsync(TrainingSettings settings, CancellationToken cancellationToken = default)
    {
        using var slot = await process.TakeTrainingSlotAsync(cancellationToken);
        var runId = await queue.CreateRunningAsync(settings, cancellationToken);
        return await executor.ExecuteAsync(runId, cancellationToken);
    }

    /// <summary>A row the server's worker took first is waited for; stops at the first row that does not complete (the rest stay queued).</summary>
    public async Task<IReadOnlyList<TrainingRunOutcome>> RunAblationNowAsync(TrainingSettings settings, CancellationToken cancellationToken = default)
    {
        // Holding the slot for all three rows keeps the server's worker from taking a queued row in parallel.
        using var slot = await process.TakeTrainingSlotAsync(cancellationToken);
        var ablation = await queue.QueueAblationAsync(settings, cancellationToken);
        var outcomes = new List<TrainingRunOutcome>();
        foreach (var row in ablation.Runs)
        {
            var outcome = await queue.ClaimAsync(row.RunId, cancellationToken)
                ? await executor.ExecuteAsync(row.RunId, cancellationToken)
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

    /// <summary>Each seed its own ablation group on the same gold snapshot, so each row can be reported as mean ± SD over seeds.</summary>
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

    /// <summary>Refused for a completed run and for one another process is training.</summary>
    public async Task<TrainingRunOutcome> ResumeNowAsync(int runId, CancellationToken cancellationToken = default)
    {
        using var slot = await process.TakeTrainingSlotAsync(cancellationToken);
        using var runLock = RunLock.TryAcquire(process.FolderOf(runId).Lock)
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

            settings = TrainingRunQueue.ReadSettings(run);
        }

        var note = queue.ResumeNoteFor(runId, settings);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var now = process.Time.GetUtcNow();
            var updated = await db.TrainingRuns.Where(r => r.Id == runId && r.Status != TrainingRunStatus.Completed && r.Status != TrainingRunStatus.Diverged)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Running)
                    .SetProperty(r => r.ResumeCount, r => r.ResumeCount + 1)
                    .SetProperty(r => r.CancelRequested, false)
                    .SetProperty(r => r.Error, (string?)null)
                    .SetProperty(r => r.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                    .SetProperty(r => r.WorkerId, process.Worker.Id)
                    .SetProperty(r => r.HeartbeatAt, now)
                    .SetProperty(r => r.ProgressMessage, note.Describe()), cancellationToken);
            if (updated == 0)
            {
                throw new RunNotResumableException($"Run {runId} completed meanwhile.");
            }
        }

        history.AddResume(runId, note);
        logger.LogInformation("run {RunId} {Resume}", runId, note.Describe());
        return await executor.ExecuteLockedAsync(runId, process.ConfiguredDevice, cancellationToken);
    }

    private async Task<TrainingRunOutcome> WaitForAsync(int runId, CancellationToken cancellationToken)
    {
        logger.LogInformation("run {RunId} was taken by another process (the server?); waiting for it", runId);
        using var timer = new PeriodicTimer(process.MonitorInterval);
        while (true)
        {
            var outcome = await queue.LoadOutcomeAsync(runId, cancellationToken);
            if (outcome.Status.TrainedToTheEnd() || outcome.Status is TrainingRunStatus.Failed or TrainingRunStatus.Cancelled)
            {
                return outcome;
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }
}

/// <summary>A run that cannot be resumed (unknown, completed, or trained elsewhere right now): a user's matter.</summary>
public sealed class RunNotResumableException(string message) : Exception(message);
