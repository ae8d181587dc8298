using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Persistence;

public class MigrationHistoryTests
{
    [Theory]
    [InlineData(DatabaseProviders.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProviders.Postgres, "Host=127.0.0.1;Database=unused")]
    public void Model_EachProvider_HasNoChangeMissingFromItsMigrations(string provider, string connectionString)
    {
        // No connection is opened: the model is compared with the provider's own migration snapshot.
        using var db = DatabaseProviders.CreateContext(provider, DatabaseProviders.Configure(new(), provider, connectionString).Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a {provider} migration: add one with dotnet ef migrations add (see DesignTimeDbContextFactory.cs).");
    }

    [Fact]
    public void Migrations_TwoProviders_KeepSeparateHistories()
    {
        using var sqlite = Create(DatabaseProviders.Sqlite, "Data Source=unused.db");
        using var postgres = Create(DatabaseProviders.Postgres, "Host=127.0.0.1;Database=unused");

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();

        Assert.Contains(sqliteMigrations, m => m.EndsWith("_AuditTrailAppendOnly", StringComparison.Ordinal));
        Assert.Contains(postgresMigrations, m => m.EndsWith("_AuditTrailAppendOnly", StringComparison.Ordinal));
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
        Assert.IsType<PostgresBlendSignDbContext>(postgres);
        Assert.IsType<BlendSignDbContext>(sqlite);
    }

    [Fact]
    public void Configure_UnknownProvider_SaysWhichAreKnown()
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseProviders.Configure(new(), "mysql", "Server=x"));

        Assert.Contains("'mysql'", error.Message);
        Assert.Contains("'sqlite' or 'postgres'", error.Message);
    }

    private static BlendSignDbContext Create(string provider, string connectionString) =>
        DatabaseProviders.CreateContext(provider, DatabaseProviders.Configure(new(), provider, connectionString).Options);
}
