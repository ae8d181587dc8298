using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

/// <summary>Applies migrations and switches SQLite to write-ahead logging (a property of the file).</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(BlendSignDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }
}
