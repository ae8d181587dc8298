using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace BlendSign.Data.Persistence;

/// <summary>
/// After PostgreSQL restarts, every idle pooled connection is dead, and each would fail its next command in turn. The
/// first command that fails on a broken connection empties its pool, so whoever tries again (a rater saving again, the
/// next poll) opens a fresh connection instead of meeting the next dead one.
/// </summary>
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
