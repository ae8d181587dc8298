using BlendSign.Data.Persistence;
using BlendSign.Tests.Shared;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>
/// One project on PostgreSQL shared by processes of the built app (web nodes, workers, verbs): its data directory, the
/// environment that points a process at both, and the processes, killed when the test ends.
/// </summary>
/// <param name="name">Prefixes the processes' logs (<c>{name}-demo.log</c>, <c>{name}-node-a.log</c>, …).</param>
/// <param name="connectionString">The PostgreSQL database every process uses.</param>
/// <param name="settings">Configuration for every process on top of the defaults, e.g. a tiny training setup.</param>
public sealed class ClusterProject(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    public const string Password = "Demo-password-1";

    private readonly TempDirectory _data = new();
    private readonly List<AppProcess> _processes = [];

    public string DataDirectory => _data.Path;

    public string ConnectionString => connectionString;

    /// <summary>The configuration every process gets.</summary>
    public Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>
        {
            ["BlendSign__DataDirectory"] = _data.Path,
            ["BlendSign__DatabaseProvider"] = DatabaseProviders.Postgres,
            ["ConnectionStrings__BlendSign"] = connectionString,
            ["BlendSign__Demo"] = "false",
            ["BlendSign__DemoPassword"] = Password,
            ["BlendSign__Training__InProcessWorker"] = "false",
            // The Training page's defaults (BlendSign:Training): a run the tests start by clicking, CPU-sized.
            ["BlendSign__Training__Folds"] = "3",
            ["BlendSign__Training__Epochs"] = "1",
            ["BlendSign__Training__ImageSize"] = "64",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["DOTNET_ENVIRONMENT"] = "Testing",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>A verb or worker in its own process; its log is <c>{name}-{process}.log</c>.</summary>
    public AppProcess Start(string process, params string[] args) => Track(AppProcess.Start($"{name}-{process}", Environment(), args));

    public async Task<AppProcess> StartWebNodeAsync(string process, int port) =>
        Track(await AppProcess.StartWebNodeAsync($"{name}-{process}", port, Environment()));

    /// <summary>The <c>demo</c> verb: synthetic scans, the demo accounts (password <see cref="Password"/>) and reads.</summary>
    public async Task SeedDemoAsync(int scans, int seed)
    {
        var demo = Start("demo", "demo", "--scans", scans.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await demo.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, $"demo failed; see {demo.LogPath}");
    }

    public BlendSignDbContext CreateDbContext() =>
        DatabaseProviders.CreateContext(DatabaseProviders.Postgres,
            DatabaseProviders.Configure(new(), DatabaseProviders.Postgres, connectionString).Options);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(100);
        }
    }

    private AppProcess Track(AppProcess process)
    {
        _processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        _data.Dispose();
    }
}
