using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlendSign.Data.Persistence;

// Lets the server and a verb write the same SQLite file at once: each connection waits for a lock instead of failing
// (the journal is WAL, set when the database is migrated).
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
