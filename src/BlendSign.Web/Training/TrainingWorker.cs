namespace BlendSign.Web.Training;

/// <summary>
/// The server's training queue: at start, queues again the runs a crash or shutdown left Running (they continue from
/// their checkpoints); then executes queued runs one at a time, oldest first, polling for new ones, while no <c>train</c> verb holds the
/// data directory's training slot. Stopping the host
/// interrupts the run in progress, which stays Running for the next start to resume.
/// </summary>
public sealed class TrainingWorker(TrainingRunService runs, ILogger<TrainingWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var interrupted = await runs.RequeueInterruptedRunsAsync(stoppingToken);
            if (interrupted > 0)
            {
                logger.LogWarning("{Count} training run(s) interrupted by a restart queued again, to resume from their checkpoints", interrupted);
            }

            using var timer = new PeriodicTimer(PollInterval);
            do
            {
                await RunQueuedAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunQueuedAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A train verb holding the slot trains in this data directory now; its queued rows are its own.
            using var slot = runs.TryTakeTrainingSlot();
            if (slot is null)
            {
                return;
            }

            while (!stoppingToken.IsCancellationRequested && await runs.ClaimNextQueuedAsync(stoppingToken) is { } runId)
            {
                await runs.ExecuteAsync(runId, stoppingToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The queue outlives one bad poll (a locked database, say); the next tick tries again.
            logger.LogError(exception, "The training queue could not take the next run");
        }
    }
}
