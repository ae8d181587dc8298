using BlendSign.Model.Network;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// Makes the server's CPU fast path decision right after it starts, in the background, so that the first Grad-CAM or
/// training run does not wait the check's few seconds (<see cref="CpuFastPathGuard"/>: the verdict is made once per process).
/// </summary>
public sealed class CpuFastPathWarmUp(CpuFastPathGuard guard) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => guard.Verdict, stoppingToken);
}
