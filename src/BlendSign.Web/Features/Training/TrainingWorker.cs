using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Training;

/// <summary>Stopping the host interrupts the run in progress, which stays Running for the next worker to resume.</summary>
public sealed class TrainingWorker(TrainingQueue queue, IOptions<TrainingWorkerOptions> options, ILogger<TrainingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await queue.RunAsync(options.Value.Device, untilEmpty: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("The in-process training worker stopped");
        }
    }
}
