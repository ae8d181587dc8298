namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>A provider's own dump of the whole database, consistent while the server writes, and its restore.</summary>
public interface IDatabaseDump
{
    string EntryName { get; }

    Task DumpAsync(string targetFile, CancellationToken cancellationToken);

    /// <summary>Replaces the configured database's content with <paramref name="dumpFile"/>'s; migrations come after.</summary>
    Task RestoreAsync(string dumpFile, CancellationToken cancellationToken);
}
