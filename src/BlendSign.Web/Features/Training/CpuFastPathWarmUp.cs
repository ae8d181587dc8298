using BlendSign.Model.Network;

namespace BlendSign.Web.Features.Training;

/// <summary>Decides the CPU fast path right after start, so the first Grad-CAM or training run does not wait the check's few seconds.</summary>
public sealed class CpuFastPathWarmUp(CpuFastPathGuard guard) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => guard.Verdict, stoppingToken);
}
