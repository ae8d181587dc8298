using BlendSign.Data.Configuration;

namespace BlendSign.Web.Features.Training;

/// <summary>The one place that decides where run files live.</summary>
public sealed record RunStorage(string Directory)
{
    public static RunStorage From(DataPaths paths, TrainingWorkerOptions options) =>
        new(string.IsNullOrWhiteSpace(options.RunsDirectory) ? paths.Runs : Path.GetFullPath(options.RunsDirectory));

    public RunFolder FolderOf(int runId) => RunFolder.Of(Directory, runId);

    /// <summary>One file per host: a file lock may not hold across machines sharing the runs path, where the database's claim decides.</summary>
    public string SlotLockOf(string host) => Path.Combine(Directory, $"training-{host}.lock");
}
