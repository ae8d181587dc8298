using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Support;

/// <summary>
/// Everything a database holds, as text, to prove what it does not hold (a patient's name or date of birth): the
/// SQLite file's bytes after a checkpoint, or every row of every PostgreSQL table.
/// </summary>
internal static class StoredText
{
    public static async Task<string> ReadAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            return System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(database.Paths.Database));
        }

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
            .ToListAsync();
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            // Table names come from the catalogue, not from input.
#pragma warning disable EF1002
            var rows = await db.Database.SqlQueryRaw<string>($"SELECT t::text AS \"Value\" FROM \"{table}\" t").ToListAsync();
#pragma warning restore EF1002
            text.AppendJoin('\n', rows).Append('\n');
        }

        return text.ToString();
    }
}
