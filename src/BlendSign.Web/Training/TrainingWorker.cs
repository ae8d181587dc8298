namespace BlendSign.Web.Training;

/// <summary>
/// The server's training queue: at start, marks runs a crash left Running as failed; then executes queued runs
/// one at a time, oldest first, polling for new ones. Stopping the host cancels the run in progress.
/// </summary>
public sealed class TrainingWorker(TrainingRunService runs, ILogger<TrainingWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var interrupted = await runs.FailInterruptedRunsAsync(stoppingToken);
            if (interrupted > 0)
            {
                logger.LogWarning("{Count} training run(s) left running by a restart marked failed", interrupted);
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
