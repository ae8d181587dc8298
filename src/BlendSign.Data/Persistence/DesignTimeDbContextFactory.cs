using Microsoft.EntityFrameworkCore.Design;

namespace BlendSign.Data.Persistence;

/// <summary>Used by <c>dotnet ef migrations add NAME</c> only: SQLite's history.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BlendSignDbContext>
{
    public BlendSignDbContext CreateDbContext(string[] args) =>
        new(DatabaseProviders.Configure(new(), DatabaseProviders.Sqlite, "Data Source=design.db").Options);
}

// dotnet ef migrations add NAME --context PostgresBlendSignDbContext --output-dir Persistence/Migrations/Postgres
// (no server is contacted to add a migration).
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresBlendSignDbContext>
{
    public PostgresBlendSignDbContext CreateDbContext(string[] args) =>
        new(DatabaseProviders.Configure(new(), DatabaseProviders.Postgres, "Host=localhost;Database=design").Options);
}
