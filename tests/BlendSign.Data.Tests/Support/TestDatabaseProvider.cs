using BlendSign.Data.Persistence;
using Npgsql;

namespace BlendSign.Data.Tests.Support;

/// <summary>
/// Which database the integration tests run on: SQLite unless <c>BLENDSIGN_TEST_DATABASE=postgres</c>, in which case
/// <c>BLENDSIGN_TEST_POSTGRES</c> is the superuser connection string of the throw-away cluster that
/// <c>scripts/test.sh</c> starts (<c>scripts/postgres-cluster.sh</c>). Each test gets a database of its own, copied
/// from a template migrated once per test process.
/// </summary>
public static class TestDatabaseProvider
{
    public const string ProviderVariable = "BLENDSIGN_TEST_DATABASE";
    public const string PostgresVariable = "BLENDSIGN_TEST_POSTGRES";

    private static readonly Lazy<string> Template = new(CreateTemplate);
    private static readonly SemaphoreSlim CopyGate = new(1, 1);

    public static string Name =>
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } name ? name : DatabaseProviders.Sqlite;

    public static bool IsPostgres => Name == DatabaseProviders.Postgres;

    /// <summary>A new, migrated PostgreSQL database; returns its connection string.</summary>
    public static string CreatePostgresDatabase()
    {
        var template = Template.Value;
        var name = $"bs_{Guid.NewGuid():N}"[..24];
        // CREATE DATABASE ... TEMPLATE refuses while another copy of the same template is in progress.
        CopyGate.Wait();
        try
        {
            Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            CopyGate.Release();
        }

        return WithDatabase(name);
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)");
    }

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException(
                $"{ProviderVariable}=postgres but {PostgresVariable} is not set: run the tests through scripts/test.sh, which starts a throw-away PostgreSQL cluster (scripts/postgres-cluster.sh start DIR prints its connection string).");

    private static string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static string CreateTemplate()
    {
        var name = $"bs_template_{Environment.ProcessId}";
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        Execute($"CREATE DATABASE \"{name}\"");
        var options = DatabaseProviders.Configure(new(), DatabaseProviders.Postgres, WithDatabase(name)).Options;
        using (var db = DatabaseProviders.CreateContext(DatabaseProviders.Postgres, options))
        {
            DatabaseInitializer.MigrateAsync(db).GetAwaiter().GetResult();
        }

        // A template may have no open connection while it is copied.
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
