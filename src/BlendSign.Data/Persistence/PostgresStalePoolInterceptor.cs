using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace BlendSign.Data.Persistence;

// After PostgreSQL restarts every idle pooled connection is dead, and each would fail its next command in turn. Emptying
// the pool at the first failure means whoever tries again (a rater saving again, the next poll) gets a fresh connection.
public sealed class PostgresStalePoolInterceptor : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Forget(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Forget(DbCommand command, Exception exception)
    {
        if (exception is NpgsqlException { IsTransient: true } && command.Connection is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
