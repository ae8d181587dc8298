using BlendSign.Model.Torch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// Once per process, and only after CpuFastPathCheck passed on this CPU (issue 20: a oneDNN kernel fast and right on one
// Xeon computed wrong features and crashed on AMD EPYC). NetworkOptions alone never asks for the fast path, so a
// forgotten guard means the reference path, not an unchecked one.
public sealed class CpuFastPathGuard
{
    private readonly Lazy<CpuFastPathVerdict> _verdict;

    public CpuFastPathGuard(IOptions<CpuFastPathOptions> options, ICpuFastPathProbe probe, ILogger<CpuFastPathGuard> logger)
    {
        _verdict = new Lazy<CpuFastPathVerdict>(() => Decide(options.Value, probe, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The decision, made by the first call (the check takes a few seconds).</summary>
    public CpuFastPathVerdict Verdict => _verdict.Value;

    public NetworkOptions Apply(NetworkOptions options, Device device)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fast = device.type == DeviceType.CPU && Backbones.HasCpuFastPath(options.Backbone) && Verdict.FastPath;
        return options with { ChannelsLastOnCpu = fast };
    }

    public static string Layout(NetworkOptions options, Device device) =>
        device.type == DeviceType.CPU && options.RunsChannelsLastOnCpu ? "channels-last" : "channels-first";

    private static CpuFastPathVerdict Decide(CpuFastPathOptions options, ICpuFastPathProbe probe, ILogger logger)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("CPU fast path off ({Section}:Enabled is false): the network runs libtorch's default layout", CpuFastPathOptions.SectionName);
            return new CpuFastPathVerdict(false, CpuModel.Name, "turned off in configuration");
        }

        CpuFastPathReport report;
        try
        {
            report = probe.Run(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            report = CpuFastPathReport.Failed($"the check could not run: {exception.Message}");
        }

        if (report.Passed)
        {
            logger.LogInformation(
                "CPU fast path (channels-last) checked on {Cpu}: the same outputs and gradients as the reference path (largest relative difference {Difference:g2}, in {Seconds:0.0} s); it is used",
                report.Cpu, report.LargestDifference, report.Seconds);
            return new CpuFastPathVerdict(true, report.Cpu, "checked against the reference path on this CPU");
        }

        logger.LogWarning("CPU fast path (channels-last) off on {Cpu}: {Reason}; the network runs libtorch's default layout", report.Cpu, report.Reason);
        return new CpuFastPathVerdict(false, report.Cpu, report.Reason!);
    }
}

public sealed record CpuFastPathVerdict(bool FastPath, string Cpu, string Reason);
