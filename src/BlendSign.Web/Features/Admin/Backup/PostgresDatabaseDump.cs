using System.ComponentModel;
using System.Diagnostics;
using Npgsql;

namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>The connection goes to the tools as PG* environment variables, never as arguments, so no password shows in a process list.</summary>
public sealed class PostgresDatabaseDump(string connectionString, BackupOptions options) : IDatabaseDump
{
    public string EntryName => BackupLayout.PostgresDump;

    public Task DumpAsync(string targetFile, CancellationToken cancellationToken) =>
        RunAsync(options.PgDumpPath, "pg_dump", ["--format=custom", "--file", targetFile], cancellationToken);

    public async Task RestoreAsync(string dumpFile, CancellationToken cancellationToken)
    {
        // An empty --dbname makes pg_restore connect (rather than print a script) to PGDATABASE.
        await RunAsync(options.PgRestorePath, "pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname=", dumpFile], cancellationToken);
        NpgsqlConnection.ClearAllPools();
    }

    private async Task RunAsync(string program, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in Environment(new NpgsqlConnectionStringBuilder(connectionString)))
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} ({program}) did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new BackupException(
                $"{tool} was not found ('{program}'); install PostgreSQL's client tools (apt-get install postgresql-client) or set BlendSign:Backup:{(tool == "pg_dump" ? "PgDumpPath" : "PgRestorePath")}.",
                exception);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await output;
            var messages = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {messages.LastOrDefault() ?? "no message"}");
            }
        }
    }

    internal static IEnumerable<(string Name, string Value)> Environment(NpgsqlConnectionStringBuilder builder)
    {
        if (builder.Host is { Length: > 0 } host)
        {
            yield return ("PGHOST", host);
        }

        yield return ("PGPORT", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (builder.Username is { Length: > 0 } user)
        {
            yield return ("PGUSER", user);
        }

        if (builder.Database is { Length: > 0 } database)
        {
            yield return ("PGDATABASE", database);
        }

        if (builder.Password is { Length: > 0 } password)
        {
            yield return ("PGPASSWORD", password);
        }

        yield return ("PGSSLMODE", builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
    }
}
