using BlendSign.Data.Configuration;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// The one place that decides where run files live (<c>BlendSign:Training:RunsDirectory</c>, default
/// <c>{DataDirectory}/runs</c>): every run's <see cref="RunFolder"/> and each host's training slot.
/// </summary>
public sealed record RunStorage(string Directory)
{
    public static RunStorage From(DataPaths paths, TrainingWorkerOptions options) =>
        new(string.IsNullOrWhiteSpace(options.RunsDirectory) ? paths.Runs : Path.GetFullPath(options.RunsDirectory));

    public RunFolder FolderOf(int runId) => RunFolder.Of(Directory, runId);

    /// <summary>
    /// The lock file of a host's training slot. One file per host: processes on one host serialise on it, while hosts
    /// sharing the runs path (where a file lock may not hold across machines) are kept apart by the database's claim.
    /// </summary>
    public string SlotLockOf(string host) => Path.Combine(Directory, $"training-{host}.lock");
}
