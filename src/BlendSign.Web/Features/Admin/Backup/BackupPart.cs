namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>How many files of one part (database, slices, runs, models) a backup holds, and their bytes.</summary>
public sealed record BackupPart(int Files, long Bytes)
{
    public static BackupPart Empty { get; } = new(0, 0);

    public BackupPart Add(long bytes) => new(Files + 1, Bytes + bytes);
}
