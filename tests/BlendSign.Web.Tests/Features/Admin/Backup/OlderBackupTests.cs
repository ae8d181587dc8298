using System.Formats.Tar;
using BlendSign.Data.Persistence;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using BlendSign.Web.Features.Admin.Backup;
using BlendSign.Web.Tests.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlendSign.Web.Tests.Features.Admin.Backup;

/// <summary>Restoring a backup made before the newest migration brings it up to date; a missing pg_dump says what to install.</summary>
public sealed class OlderBackupTests
{
    [Fact]
    public async Task Restore_BackupOfAnOlderSchema_MigratesItUpAndKeepsItsRows()
    {
        using var files = new TempDirectory();
        using var older = new TestDatabase();
        RatingSeed.AddUsers(older, "rater1");
        string previous;
        await using (var db = older.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            previous = migrations[^2];
            await db.GetService<IMigrator>().MigrateAsync(previous);
        }

        var tar = files.Combine("older.tar");
        await WriteBackupAsync(older, previous, files.Combine("dump"), tar);
        using var target = new TestDatabase();

        var (exitCode, _, error) = await CliRun.RunAsync(target, "restore", tar);

        Assert.True(exitCode == 0, error);
        await using var restored = target.CreateDbContext();
        Assert.Equal(restored.Database.GetMigrations(), await restored.Database.GetAppliedMigrationsAsync());
        Assert.Equal(["rater1"], await restored.Users.Select(u => u.UserName).ToListAsync());
    }

    [SkippableFact]
    public async Task Backup_PostgresWithoutPgDump_NamesThePackageAndWritesNothing()
    {
        Skip.IfNot(TestDatabaseProvider.IsPostgres, "SQLite backs up without PostgreSQL's client tools.");
        using var cli = new CliRunner(new Dictionary<string, string?> { ["BlendSign:Backup:PgDumpPath"] = "/nonexistent/pg_dump" });
        using var files = new TempDirectory();
        var output = files.Combine("project.tar");

        var (exitCode, _, error) = await cli.RunAsync("backup", "--out", output);

        Assert.Equal(1, exitCode);
        Assert.Contains("apt-get install postgresql-client", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(files.Path));
        Assert.Empty(Directory.GetFiles(cli.DataDirectory, "backup-*"));
    }

    /// <summary>A backup as an older version wrote it: the dump of a database at <paramref name="migration"/>, no files.</summary>
    private static async Task WriteBackupAsync(TestDatabase database, string migration, string dumpFile, string tar)
    {
        IDatabaseDump dump = database.Provider == DatabaseProviders.Postgres
            ? new PostgresDatabaseDump(database.ConnectionString, new BackupOptions())
            : new SqliteDatabaseDump(database.ConnectionString);
        await dump.DumpAsync(dumpFile, CancellationToken.None);
        var parts = BackupLayout.Parts.ToDictionary(p => p, _ => BackupPart.Empty);
        parts[BackupLayout.Database] = new BackupPart(1, new FileInfo(dumpFile).Length);
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, database.Provider, migration, DateTimeOffset.UtcNow, "older",
            dump.EntryName, parts);
        await using var writer = new TarWriter(File.Create(tar), TarEntryFormat.Pax);
        await writer.WriteEntryAsync(dumpFile, dump.EntryName);
        await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupLayout.ManifestEntry) { DataStream = new MemoryStream(manifest.ToUtf8()) });
    }
}
