namespace BlendSign.Data.Training;

// host:pid:id8. The host tells a run trained on this machine (where its run lock decides whether its process lives)
// from one trained elsewhere (where only the heartbeat can).
public sealed record WorkerIdentity(string Host, string Id)
{
    public static WorkerIdentity ForThisProcess()
    {
        var host = Environment.MachineName;
        return new WorkerIdentity(host, $"{host}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");
    }

    public static string? HostOf(string? workerId) =>
        workerId is null ? null : workerId.IndexOf(':') is var colon and > 0 ? workerId[..colon] : workerId;

    public override string ToString() => Id;
}
