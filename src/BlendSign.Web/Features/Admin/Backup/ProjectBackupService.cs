using System.Formats.Tar;
using BlendSign.Data.Configuration;
using BlendSign.Data.Persistence;
using BlendSign.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>
/// The dump is a snapshot; the files are read after it, and both kinds only grow or are replaced whole, so a file the
/// snapshot does not name yet is harmless (README, "Backup and restore").
/// </summary>
public sealed class ProjectBackupService(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    DatabaseDumps dumps,
    DataPaths paths,
    RunStorage runs,
    TimeProvider time,
    ILogger<ProjectBackupService> logger)
{
    public async Task<BackupManifest> WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        var dump = dumps.Create();
        var dumpFile = ScratchFile(paths, "dump");
        try
        {
            string? lastMigration;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                lastMigration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
            }

            await dump.DumpAsync(dumpFile, cancellationToken);
            var parts = new Dictionary<string, BackupPart>(StringComparer.Ordinal);
            await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
            parts[BackupLayout.Database] = BackupPart.Empty.Add(await WriteFileAsync(writer, dumpFile, dump.EntryName, cancellationToken) ?? 0);
            // The slice store's *.tmp files are slices still being written; *.lock files are held by a live trainer.
            parts[BackupLayout.Slices] = await WriteFolderAsync(writer, BackupLayout.Slices, paths.SliceStore, ".tmp", cancellationToken);
            parts[BackupLayout.Runs] = await WriteFolderAsync(writer, BackupLayout.Runs, runs.Directory, ".lock", cancellationToken);
            parts[BackupLayout.Models] = await WriteFolderAsync(writer, BackupLayout.Models, paths.Models, null, cancellationToken);

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, dumps.Provider, lastMigration, time.GetUtcNow(),
                TrainingRunQueue.CodeVersion, dump.EntryName, parts);
            using var manifestData = new MemoryStream(manifest.ToUtf8());
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupLayout.ManifestEntry)
            {
                DataStream = manifestData,
                ModificationTime = manifest.CreatedAtUtc,
            }, cancellationToken);
            logger.LogInformation("Backed up the {Provider} database ({Migration}), {Slices} slices, {Runs} run files and {Models} model files",
                manifest.Provider, lastMigration, parts[BackupLayout.Slices].Files, parts[BackupLayout.Runs].Files, parts[BackupLayout.Models].Files);
            return manifest;
        }
        finally
        {
            File.Delete(dumpFile);
        }
    }

    /// <summary>A scratch file in the data directory (beside the database, so a large dump has the same disk's room).</summary>
    internal static string ScratchFile(DataPaths paths, string kind) =>
        Path.Combine(paths.Root, $"backup-{Guid.NewGuid():N}.{kind}.tmp");

    private async Task<BackupPart> WriteFolderAsync(
        TarWriter writer, string part, string folder, string? skipExtension, CancellationToken cancellationToken)
    {
        var total = BackupPart.Empty;
        if (!Directory.Exists(folder))
        {
            return total;
        }

        // Names sorted, so two backups of the same project list their entries alike.
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => skipExtension is null || !f.EndsWith(skipExtension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (await WriteFileAsync(writer, file, BackupLayout.EntryName(part, folder, file), cancellationToken) is { } bytes)
            {
                total = total.Add(bytes);
            }
        }

        return total;
    }

    /// <summary>Writes one file as an entry; null when it vanished since it was listed (a checkpoint replaced by a newer one).</summary>
    private async Task<long?> WriteFileAsync(TarWriter writer, string file, string entryName, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            logger.LogInformation("{File} went away while the backup was written; left out", entryName);
            return null;
        }

        await using (stream)
        {
            var length = stream.Length;
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entryName)
            {
                DataStream = stream,
                ModificationTime = File.GetLastWriteTimeUtc(file),
            }, cancellationToken);
            return length;
        }
    }
}
