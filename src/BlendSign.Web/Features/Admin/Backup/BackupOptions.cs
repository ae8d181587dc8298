namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>The <c>BlendSign:Backup</c> section: where PostgreSQL's client tools are (Debian's <c>postgresql-client</c>).</summary>
public sealed class BackupOptions
{
    public const string SectionName = "BlendSign:Backup";

    public string PgDumpPath { get; set; } = "pg_dump";

    public string PgRestorePath { get; set; } = "pg_restore";
}
