using Microsoft.Data.Sqlite;

namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>
/// SQLite through its online backup API: the copy is one read transaction, so it is consistent while the server
/// writes, and a restore goes through the live database's own connection, so its write-ahead log stays coherent.
/// </summary>
public sealed class SqliteDatabaseDump(string connectionString) : IDatabaseDump
{
    public string EntryName => BackupLayout.SqliteDump;

    public Task DumpAsync(string targetFile, CancellationToken cancellationToken)
    {
        using var source = new SqliteConnection(connectionString);
        using var target = new SqliteConnection(FileConnection(targetFile, SqliteOpenMode.ReadWriteCreate));
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        // The copy carries the live file's WAL flag; a rollback journal lets a restore open it read-only without -shm.
        using var journal = target.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode = DELETE;";
        journal.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public Task RestoreAsync(string dumpFile, CancellationToken cancellationToken)
    {
        using (var source = new SqliteConnection(FileConnection(dumpFile, SqliteOpenMode.ReadOnly)))
        using (var target = new SqliteConnection(connectionString))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        // Pooled connections may hold the replaced file's schema; the next ones read the restored one.
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    private static string FileConnection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
}
