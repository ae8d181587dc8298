using BlendSign.Model.Torch;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// Stopping interrupts the run in progress, which stays Running: its heartbeat stops, and a worker queues it again (at
/// once on this host, after <c>StaleAfterSeconds</c> elsewhere) to resume from its checkpoints.
/// </summary>
public sealed class TrainingQueue(TrainingRunQueue queue, TrainingRunExecutor executor, TrainingProcess process, ILogger<TrainingQueue> logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>Null when another process on this host holds the training slot, whose turn it is.</summary>
    public async Task<IReadOnlyList<TrainingRunOutcome>?> DrainAsync(DeviceChoice device, CancellationToken cancellationToken)
    {
        using var slot = process.TryTakeTrainingSlot();
        if (slot is null)
        {
            return null;
        }

        var requeued = await queue.RequeueStaleRunsAsync(cancellationToken);
        if (requeued > 0)
        {
            logger.LogWarning("{Count} training run(s) whose worker was gone queued again, to resume from their checkpoints", requeued);
        }

        var outcomes = new List<TrainingRunOutcome>();
        while (!cancellationToken.IsCancellationRequested && await queue.ClaimNextQueuedAsync(device, cancellationToken) is { } runId)
        {
            logger.LogInformation("worker {WorkerId} claimed run {RunId}", process.Worker.Id, runId);
            outcomes.Add(await executor.ExecuteAsync(runId, device, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>With <paramref name="untilEmpty"/>, returns after the first pass that ran, and an error ends the loop instead of waiting.</summary>
    public async Task<IReadOnlyList<TrainingRunOutcome>> RunAsync(DeviceChoice device, bool untilEmpty, CancellationToken cancellationToken)
    {
        logger.LogInformation("worker {WorkerId} on {Device} polls the training queue", process.Worker.Id, device.ToString().ToLowerInvariant());
        var outcomes = new List<TrainingRunOutcome>();
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            try
            {
                if (await DrainAsync(device, cancellationToken) is { } pass)
                {
                    outcomes.AddRange(pass);
                    if (untilEmpty)
                    {
                        return outcomes;
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !untilEmpty)
            {
                // The loop outlives one bad poll (a locked database, say); the next tick tries again.
                logger.LogError(exception, "The training queue could not take the next run");
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));

        return outcomes;
    }
}
