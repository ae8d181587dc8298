using BlendSign.Model.Network;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Network;

/// <summary>The once-per-process decision (issue 20): the fast path only after the check passed, the reference path otherwise.</summary>
public class CpuFastPathGuardTests
{
    private static readonly NetworkOptions ResNet18 = new() { Backbone = Backbones.ResNet18, Detection = true };

    [Fact]
    public void Apply_PerturbedFastPath_DetectedAndTheReferencePathRuns()
    {
        var logger = new LinesLogger();
        var perturbed = new CheckProbe(new CpuFastPathCheck((model, input) => model.Run(input * 1.001f)));
        var guard = Guard(perturbed, logger);

        var options = guard.Apply(ResNet18, CPU);
        using var model = new SliceClassifier(options);
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var features = model.Run(rand(1, 3, 64, 64)).Features;

        Assert.False(guard.Verdict.FastPath);
        Assert.False(options.ChannelsLastOnCpu);
        Assert.False(model.ChannelsLastOnCpu);
        Assert.False(ChannelsLast.Is(features));
        Assert.Equal("channels-first", CpuFastPathGuard.Layout(options, CPU));
        var line = Assert.Single(logger.Lines);
        Assert.StartsWith("Warning: CPU fast path (channels-last) off on ", line, StringComparison.Ordinal);
        Assert.Contains("differs from the reference path", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_CheckPassed_FastPathOnlyOnTheCpuAndForBackbonesThatHaveIt()
    {
        var guard = Guard(new FixedProbe(Passed()));

        Assert.True(guard.Apply(ResNet18, CPU).ChannelsLastOnCpu);
        Assert.True(guard.Apply(ResNet18 with { Backbone = Backbones.TinyCnn }, CPU).ChannelsLastOnCpu);
        Assert.False(guard.Apply(ResNet18 with { Backbone = Backbones.ResNet50 }, CPU).ChannelsLastOnCpu);
        Assert.False(guard.Apply(ResNet18, new Device(DeviceType.CUDA)).ChannelsLastOnCpu);
        Assert.Equal("channels-last", CpuFastPathGuard.Layout(guard.Apply(ResNet18, CPU), CPU));
    }

    [Fact]
    public void Verdict_ManyCallers_ChecksOnce()
    {
        var probe = new FixedProbe(Passed());
        var guard = Guard(probe);

        Parallel.For(0, 8, _ => Assert.True(guard.Verdict.FastPath));
        guard.Apply(ResNet18, CPU);

        Assert.Equal(1, probe.Runs);
    }

    [Fact]
    public void Verdict_Disabled_NoCheckAndTheReferencePath()
    {
        var probe = new FixedProbe(Passed());
        var guard = new CpuFastPathGuard(Options.Create(new CpuFastPathOptions { Enabled = false }), probe, NullLogger<CpuFastPathGuard>.Instance);

        Assert.False(guard.Apply(ResNet18, CPU).ChannelsLastOnCpu);
        Assert.Equal(0, probe.Runs);
        Assert.Contains("configuration", guard.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_ProbeThrows_ReferencePathWithTheReason()
    {
        var guard = Guard(new ThrowingProbe());

        Assert.False(guard.Verdict.FastPath);
        Assert.Contains("could not run: no libtorch here", guard.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChildProbe_ProcessDiesOfSigfpe_ReferencePathAndTheSignalNamed()
    {
        // What oneDNN's brgemm 1×1 convolution did on AMD EPYC (issue 20): an integer division by zero in native code.
        var probe = new ChildProcessCpuFastPathProbe(["/bin/sh", "-c", "echo 'Could not initialize NNPACK!' >&2; echo 'kernel trouble' >&2; kill -FPE $$"], TimeSpan.FromSeconds(30));
        var guard = Guard(probe);

        Assert.False(guard.Verdict.FastPath);
        Assert.Contains("died of SIGFPE", guard.Verdict.Reason, StringComparison.Ordinal);
        Assert.EndsWith(": kernel trouble", guard.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChildProbe_PrintsItsReport_ReadBack()
    {
        var probe = new ChildProcessCpuFastPathProbe(
            ["/bin/sh", "-c", """echo '{"passed":true,"largest_difference":2e-06,"where":"the logits at 64 px","cpu":"Test CPU","seconds":1.5,"problem":null}'"""],
            TimeSpan.FromSeconds(30));

        var report = probe.Run(CancellationToken.None);

        Assert.Equal(new CpuFastPathReport(true, 2e-6, "the logits at 64 px", "Test CPU", 1.5), report);
    }

    [Fact]
    public void ChildProbe_KernelGaveNaN_InfiniteDifferenceReadBack()
    {
        var probe = new ChildProcessCpuFastPathProbe(
            ["/bin/sh", "-c", """echo '{"passed":false,"largest_difference":"Infinity","where":"the logits at 64 px","cpu":"Test CPU","seconds":1}'"""],
            TimeSpan.FromSeconds(30));

        var report = probe.Run(CancellationToken.None);

        Assert.False(report.Passed);
        Assert.Equal(double.PositiveInfinity, report.LargestDifference);
        Assert.Contains("the logits at 64 px", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChildProbe_Hangs_KilledAfterTheTimeoutAndFailed()
    {
        var probe = new ChildProcessCpuFastPathProbe(["sleep", "60"], TimeSpan.FromSeconds(1));

        var report = probe.Run(CancellationToken.None);

        Assert.False(report.Passed);
        Assert.Equal("the check did not finish within 1 s", report.Reason);
    }

    [Fact]
    public void ChildProbe_ExitsWithoutReport_ExitCodeNamed()
    {
        var report = new ChildProcessCpuFastPathProbe(["/bin/sh", "-c", "exit 2"], TimeSpan.FromSeconds(30)).Run(CancellationToken.None);

        Assert.False(report.Passed);
        Assert.Equal("the check process ended with exit code 2 and no report", report.Reason);
    }

    private static CpuFastPathGuard Guard(ICpuFastPathProbe probe, ILogger<CpuFastPathGuard>? logger = null) =>
        new(Options.Create(new CpuFastPathOptions()), probe, logger ?? NullLogger<CpuFastPathGuard>.Instance);

    private static CpuFastPathReport Passed() => new(true, 1e-6, "the logits at 64 px", "Test CPU", 0.1);

    private sealed class CheckProbe(CpuFastPathCheck check) : ICpuFastPathProbe
    {
        public CpuFastPathReport Run(CancellationToken cancellationToken) => check.Run();
    }

    private sealed class FixedProbe(CpuFastPathReport report) : ICpuFastPathProbe
    {
        private int _runs;

        public int Runs => _runs;

        public CpuFastPathReport Run(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            Thread.Sleep(50);
            return report;
        }
    }

    private sealed class ThrowingProbe : ICpuFastPathProbe
    {
        public CpuFastPathReport Run(CancellationToken cancellationToken) => throw new InvalidOperationException("no libtorch here");
    }

    private sealed class LinesLogger : ILogger<CpuFastPathGuard>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
