using BlendSign.Data.Persistence;

namespace BlendSign.Data.Configuration;

/// <summary>The connection string the configuration means: SQLite falls back to the data directory's file; PostgreSQL has no default.</summary>
public static class DatabaseConnection
{
    public const string PostgresNeedsConnectionString =
        "BlendSign:DatabaseProvider is 'postgres' but ConnectionStrings:BlendSign is empty; set it, e.g. "
        + "ConnectionStrings__BlendSign='Host=db;Port=5432;Database=blendsign;Username=blendsign;Password=...'.";

    public static string Resolve(BlendSignOptions options, string? configured, DataPaths paths)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return options.DatabaseProvider == DatabaseProviders.Postgres
            ? throw new InvalidOperationException(PostgresNeedsConnectionString)
            : paths.DefaultConnectionString;
    }
}
