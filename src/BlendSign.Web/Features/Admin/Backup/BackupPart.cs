namespace BlendSign.Web.Features.Admin.Backup;

public sealed record BackupPart(int Files, long Bytes)
{
    public static BackupPart Empty { get; } = new(0, 0);

    public BackupPart Add(long bytes) => new(Files + 1, Bytes + bytes);
}
