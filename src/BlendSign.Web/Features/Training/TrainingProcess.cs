using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Model.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Training;

public sealed class TrainingProcess(
    IDbContextFactory<BlendSignDbContext> dbFactory, RunStorage storage, IOptions<TrainingWorkerOptions> options, TimeProvider time,
    ILogger<TrainingProcess> logger)
{
    /// <summary>This process as the run rows name their worker (one per process in the app).</summary>
    public WorkerIdentity Worker { get; init; } = WorkerIdentity.ForThisProcess();

    /// <summary>How often an executing run stores its progress and looks for a cancel request, and a waiter looks again.</summary>
    public TimeSpan MonitorInterval { get; init; } = TimeSpan.FromSeconds(2);

    public RunClaims Claims { get; } = new(dbFactory, time);

    public TrainingWorkerOptions Options => options.Value;

    public TimeProvider Time => time;

    public DeviceChoice ConfiguredDevice => options.Value.Device;

    public RunFolder FolderOf(int runId) => storage.FolderOf(runId);

    /// <summary>
    /// Runs execute one at a time per host; null while another holder trains. Between hosts the database's claim decides
    /// (<see cref="RunClaims"/>).
    /// </summary>
    internal RunLock? TryTakeTrainingSlot() => RunLock.TryAcquire(storage.SlotLockOf(Worker.Host));

    internal async Task<RunLock> TakeTrainingSlotAsync(CancellationToken cancellationToken)
    {
        if (TryTakeTrainingSlot() is { } slot)
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

    public static string DeviceName(DeviceChoice device) => TorchRuntime.Describe(TorchRuntime.SelectDevice(device));
}
