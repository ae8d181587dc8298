namespace BlendSign.Model.Network;

public interface ICpuFastPathProbe
{
    CpuFastPathReport Run(CancellationToken cancellationToken);
}

/// <summary>The check in this process: a kernel that faults takes the process with it (see <see cref="ChildProcessCpuFastPathProbe"/>).</summary>
public sealed class InProcessCpuFastPathProbe : ICpuFastPathProbe
{
    public CpuFastPathReport Run(CancellationToken cancellationToken) => new CpuFastPathCheck().Run();
}
