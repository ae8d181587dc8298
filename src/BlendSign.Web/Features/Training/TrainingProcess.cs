using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Model.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// This process as a training worker: its identity on the run rows, its claims on them, its host's one training slot,
/// where run files live, its clock and the <c>BlendSign:Training</c> worker settings. The queue
/// (<see cref="TrainingRunQueue"/>) and the executor (<see cref="TrainingRunExecutor"/>) act for it.
/// </summary>
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

    /// <summary>Where this process trains unless told otherwise (<c>BlendSign:Training:Device</c>).</summary>
    public DeviceChoice ConfiguredDevice => options.Value.Device;

    public RunFolder FolderOf(int runId) => storage.FolderOf(runId);

    /// <summary>
    /// This host's one training slot: whoever trains here (the server's worker, a <c>worker</c> or <c>train</c> verb)
    /// holds it, so runs execute one at a time per host; null while another holder trains. Between hosts the
    /// database's claim decides who trains what (<see cref="RunClaims"/>).
    /// </summary>
    internal RunLock? TryTakeTrainingSlot() => RunLock.TryAcquire(storage.SlotLockOf(Worker.Host));

    /// <summary>The slot, waiting while another process on this host trains.</summary>
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

    /// <summary>The device name a run row records for <paramref name="device"/> ("cpu", "cuda").</summary>
    public static string DeviceName(DeviceChoice device) => TorchRuntime.Describe(TorchRuntime.SelectDevice(device));
}
