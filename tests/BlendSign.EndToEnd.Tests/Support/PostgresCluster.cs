using System.Diagnostics;
using BlendSign.Tests.Shared;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of the test's own (<c>scripts/postgres-cluster.sh</c>), for a test that restarts the database
/// server under load: the cluster the other tests share must stay up.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly TempDirectory _directory = new();

    private PostgresCluster(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; private set; }

    public static PostgresCluster Start()
    {
        var cluster = new PostgresCluster("");
        cluster.ConnectionString = cluster.Run("start");
        return cluster;
    }

    /// <summary>Stops the server at once (<c>-m immediate</c>: as a crash, no clean shutdown) and starts it again on the same port.</summary>
    public void Restart() => Run("restart");

    private string Run(string action)
    {
        var script = Path.Combine(SharedData.RepositoryRoot, "scripts", "postgres-cluster.sh");
        using var process = Process.Start(new ProcessStartInfo(script, [action, _directory.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"postgres-cluster.sh {action} failed (install PostgreSQL with scripts/install.sh --tests): {error.Trim()}");
    }

    public void Dispose()
    {
        Run("stop");
        _directory.Dispose();
    }
}
