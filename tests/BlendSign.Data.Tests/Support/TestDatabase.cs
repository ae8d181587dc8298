using BlendSign.Data.Configuration;
using BlendSign.Data.Persistence;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Support;

/// <summary>
/// A real, migrated database and data directory in a scratch folder: SQLite in that folder, or a PostgreSQL database
/// of its own in the tests' throw-away cluster (<see cref="TestDatabaseProvider"/>).
/// </summary>
public sealed class TestDatabase : IDisposable, IDbContextFactory<BlendSignDbContext>
{
    private readonly TempDirectory _directory = new();
    private readonly DbContextOptions<BlendSignDbContext> _options;

    public TestDatabase()
    {
        Paths = new DataPaths(_directory.Path);
        Paths.EnsureCreated();
        Provider = TestDatabaseProvider.Name;
        ConnectionString = TestDatabaseProvider.IsPostgres
            ? TestDatabaseProvider.CreatePostgresDatabase()
            : Paths.DefaultConnectionString;
        _options = DatabaseProviders.Configure(new(), Provider, ConnectionString).Options;
        if (!TestDatabaseProvider.IsPostgres)
        {
            using var db = CreateDbContext();
            DatabaseInitializer.MigrateAsync(db).GetAwaiter().GetResult();
        }
    }

    public DataPaths Paths { get; }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The configuration that points a server or a verb at this data directory and database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BlendSign:DataDirectory"] = Paths.Root,
        ["BlendSign:DatabaseProvider"] = Provider,
        ["ConnectionStrings:BlendSign"] = ConnectionString,
    };

    public BlendSignDbContext CreateDbContext() => DatabaseProviders.CreateContext(Provider, _options);

    public void Dispose()
    {
        if (TestDatabaseProvider.IsPostgres)
        {
            TestDatabaseProvider.DropPostgresDatabase(ConnectionString);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
