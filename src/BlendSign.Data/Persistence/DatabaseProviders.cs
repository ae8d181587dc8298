using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlendSign.Data.Persistence;

// The one place that configures EF Core for each provider: the server, the verbs, the tests and dotnet ef.
public static class DatabaseProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static DbContextOptionsBuilder<BlendSignDbContext> Configure(
        DbContextOptionsBuilder<BlendSignDbContext> options, string provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return provider switch
        {
            // SQLite's table rebuilds turn foreign keys off outside the transaction, by design; a first start need not warn of it.
            Sqlite => options.UseSqlite(connectionString).AddInterceptors(new SqliteBusyTimeoutInterceptor())
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)),
            // No retrying execution strategy: the services open their own transactions, which it cannot replay. A
            // save that meets a restarting server fails, is not acknowledged, and the user saves again.
            Postgres => options.UseNpgsql(connectionString).AddInterceptors(new PostgresStalePoolInterceptor()),
            _ => throw new ArgumentException($"Unknown database provider '{provider}'; use '{Sqlite}' or '{Postgres}'.", nameof(provider)),
        };
    }

    /// <summary>A context of the provider's own type, so that each provider keeps its own migration history.</summary>
    public static BlendSignDbContext CreateContext(string provider, DbContextOptions<BlendSignDbContext> options) =>
        provider == Postgres ? new PostgresBlendSignDbContext(options) : new BlendSignDbContext(options);
}
