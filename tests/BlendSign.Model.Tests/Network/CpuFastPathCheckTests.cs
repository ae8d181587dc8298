using BlendSign.Model.Network;

namespace BlendSign.Model.Tests.Network;

/// <summary>The check behind the CPU fast path (issue 20): on the CPU at hand, and against a fast path that is wrong on purpose.</summary>
public class CpuFastPathCheckTests
{
    [Fact]
    public void Run_ThisCpu_FastPathGivesTheReferenceNumbers()
    {
        var report = new CpuFastPathCheck().Run();

        Assert.True(report.Passed, $"{report.Cpu}: {report.Reason}");
        Assert.InRange(report.LargestDifference, 0, CpuFastPathCheck.Tolerance);
        Assert.False(string.IsNullOrWhiteSpace(report.Cpu));
        Assert.Null(report.Reason);
    }

    [Fact]
    public void Run_PerturbedKernel_IsDetectedWithWhere()
    {
        // A kernel a thousandth off, as a wrong oneDNN kernel would be (issue 20's was 4 % off).
        var check = new CpuFastPathCheck((model, input) => model.Run(input * 1.001f));

        var report = check.Run();

        Assert.False(report.Passed);
        Assert.True(report.LargestDifference > CpuFastPathCheck.Tolerance, $"{report.LargestDifference}");
        Assert.Contains("differs from the reference path", report.Reason, StringComparison.Ordinal);
        Assert.Contains(" px", report.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_KernelGivingNaN_IsTheLargestDifference()
    {
        var check = new CpuFastPathCheck((model, input) => model.Run(input) with { Logits = model.Run(input).Logits * float.NaN });

        var report = check.Run();

        Assert.False(report.Passed);
        Assert.Equal(double.PositiveInfinity, report.LargestDifference);
    }
}
