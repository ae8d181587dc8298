using System.Formats.Tar;
using BlendSign.Data.Configuration;
using BlendSign.Data.Persistence;
using BlendSign.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>
/// Refuses another provider's backup, a newer version's, and a project with content unless forced. Servers and workers
/// should be stopped meanwhile: the database is replaced under them.
/// </summary>
public sealed class ProjectRestoreService(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    DatabaseDumps dumps,
    DataPaths paths,
    RunStorage runs,
    ILogger<ProjectRestoreService> logger)
{
    public async Task<RestoreOutcome> RestoreAsync(InspectedBackup backup, bool force, CancellationToken cancellationToken)
    {
        var manifest = backup.Manifest;
        await CheckTargetAsync(backup, force, cancellationToken);

        var written = BackupLayout.Parts.Where(p => p != BackupLayout.Database)
            .ToDictionary(p => p, _ => BackupPart.Empty, StringComparer.Ordinal);
        var slicesKept = 0;
        string? migratedTo = null;
        await using var stream = new FileStream(backup.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
        {
            var (part, relative) = BackupLayout.Split(entry.Name, backup.Name);
            if (part is null || entry.EntryType == TarEntryType.Directory || entry.DataStream is null)
            {
                continue;
            }

            if (part == BackupLayout.Database)
            {
                // Inspection put the dump before every file: the files land on a database that is already restored.
                migratedTo = await RestoreDatabaseAsync(entry.DataStream, manifest.LastMigration, cancellationToken);
                continue;
            }

            var target = BackupLayout.Resolve(RootOf(part), relative);
            // The slice store is content-addressed: a file of that name already holds those bytes.
            if (part == BackupLayout.Slices && File.Exists(target))
            {
                slicesKept++;
                continue;
            }

            await ExtractAsync(entry.DataStream, target, cancellationToken);
            written[part] = written[part].Add(entry.Length);
        }

        await RelocateRunFilesAsync(cancellationToken);
        logger.LogInformation("Restored {File}: the {Provider} database at {Migration}, {Slices} slices written ({Kept} already there), {Runs} run files, {Models} model files",
            backup.Name, manifest.Provider, migratedTo, written[BackupLayout.Slices].Files, slicesKept, written[BackupLayout.Runs].Files, written[BackupLayout.Models].Files);
        return new RestoreOutcome(backup.Path, manifest.Provider, manifest.LastMigration, migratedTo, written, slicesKept);
    }

    private async Task CheckTargetAsync(InspectedBackup backup, bool force, CancellationToken cancellationToken)
    {
        var manifest = backup.Manifest;
        if (manifest.Provider != dumps.Provider)
        {
            throw new BackupException(
                $"{backup.Name} is a backup of a {manifest.Provider} database and this project's database is {dumps.Provider}; moving a project between SQLite and PostgreSQL is not supported.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (manifest.LastMigration is { } migration && !db.Database.GetMigrations().Contains(migration, StringComparer.Ordinal))
        {
            throw new BackupException(
                $"{backup.Name} was made by a newer BlendSign ({manifest.AppVersion}, migration {migration}); restore it with that version or newer.");
        }

        var scans = await db.Scans.CountAsync(cancellationToken);
        var users = await db.Users.CountAsync(cancellationToken);
        var trainingRuns = await db.TrainingRuns.CountAsync(cancellationToken);
        if (!force && scans + users + trainingRuns > 0)
        {
            throw new BackupException(
                $"The target project is not empty ({scans} scans, {users} users, {trainingRuns} training runs); nothing was restored. Add --force to replace it.");
        }
    }

    private async Task<string?> RestoreDatabaseAsync(Stream dumpData, string? backupMigration, CancellationToken cancellationToken)
    {
        var dumpFile = ProjectBackupService.ScratchFile(paths, "restore");
        try
        {
            await using (var file = new FileStream(dumpFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await dumpData.CopyToAsync(file, cancellationToken);
            }

            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await RevertNewerMigrationsAsync(db, backupMigration, cancellationToken);
            }

            await dumps.Create().RestoreAsync(dumpFile, cancellationToken);
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await DatabaseInitializer.MigrateAsync(db, cancellationToken);
                return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
            }
        }
        finally
        {
            File.Delete(dumpFile);
        }
    }

    /// <summary>
    /// PostgreSQL's restore drops and recreates only the dump's own objects, so tables that a later migration added to the
    /// target would stay and make that migration fail when it runs again; taking the target back to the dump's
    /// migration first avoids that. SQLite's restore replaces the whole file, so it needs nothing.
    /// </summary>
    private static async Task RevertNewerMigrationsAsync(BlendSignDbContext db, string? backupMigration, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || backupMigration is null)
        {
            return;
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count > 0 && applied[^1] != backupMigration)
        {
            await db.GetService<IMigrator>().MigrateAsync(backupMigration, cancellationToken);
        }
    }

    private string RootOf(string part) => part switch
    {
        BackupLayout.Slices => paths.SliceStore,
        BackupLayout.Runs => runs.Directory,
        _ => paths.Models,
    };

    /// <summary>Writes beside the target and renames, so a restore cut short leaves whole files only.</summary>
    private static async Task ExtractAsync(Stream data, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await data.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Runs name their out-of-fold CSV by full path; point those at this data directory's run files.</summary>
    private async Task RelocateRunFilesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.TrainingRuns.Where(r => r.OofPredictionsPath != null)
            .Select(r => new { r.Id, r.OofPredictionsPath }).ToListAsync(cancellationToken);
        foreach (var run in stored)
        {
            var here = runs.FolderOf(run.Id).OofPredictions;
            if (run.OofPredictionsPath != here && File.Exists(here))
            {
                await db.TrainingRuns.Where(r => r.Id == run.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.OofPredictionsPath, here), cancellationToken);
            }
        }
    }
}
