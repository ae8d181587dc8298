namespace BlendSign.Data.Training;

/// <summary>
/// A training process as the run rows name it: <c>host:pid:id8</c>. The host tells a run trained on this machine
/// (where its run lock decides whether its process lives) from one trained elsewhere (where only the heartbeat can).
/// </summary>
public sealed record WorkerIdentity(string Host, string Id)
{
    public static WorkerIdentity ForThisProcess()
    {
        var host = Environment.MachineName;
        return new WorkerIdentity(host, $"{host}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");
    }

    /// <summary>The host part of a stored worker id; null for none.</summary>
    public static string? HostOf(string? workerId) =>
        workerId is null ? null : workerId.IndexOf(':') is var colon and > 0 ? workerId[..colon] : workerId;

    public override string ToString() => Id;
}
