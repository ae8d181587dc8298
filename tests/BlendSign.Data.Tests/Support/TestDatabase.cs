using BlendSign.Data.Configuration;
using BlendSign.Data.Persistence;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Support;

/// <summary>A real, migrated SQLite database and data directory in a scratch folder.</summary>
public sealed class TestDatabase : IDisposable, IDbContextFactory<BlendSignDbContext>
{
    private readonly TempDirectory _directory = new();

    public TestDatabase()
    {
        Paths = new DataPaths(_directory.Path);
        Paths.EnsureCreated();
        using var db = CreateDbContext();
        DatabaseInitializer.MigrateAsync(db).GetAwaiter().GetResult();
    }

    public DataPaths Paths { get; }

    public BlendSignDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<BlendSignDbContext>()
            .UseSqlite(Paths.DefaultConnectionString)
            .AddInterceptors(new SqliteBusyTimeoutInterceptor())
            .Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
