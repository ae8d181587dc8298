using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.Data.Persistence;
using BlendSign.EndToEnd.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Cluster;

/// <summary>
/// Issue 13's fault tests under the load test (<c>bench load</c>, its own process): the web node the raters use is
/// killed with SIGKILL and started again, then PostgreSQL is stopped at once and started again, while ten simulated
/// raters save labels and a person's viewer stays open on the other node. Every acknowledged label must be in the
/// database with one audit entry (the load test's own check), and the person's page must work again afterwards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadFaultTests(ChromiumBrowser chromium) : IAsyncLifetime
{
    private const string Password = "Demo-password-1";

    private readonly TempDirectory _data = new();
    private readonly List<AppProcess> _processes = [];
    private PostgresCluster? _postgres;

    public Task InitializeAsync()
    {
        _postgres = PostgresCluster.Start();
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task LoadTest_WebNodeKilledAndPostgresRestarted_NoAcknowledgedLabelLostOrDuplicated()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var demo = Track(AppProcess.Start("fault-demo", Environment(), "demo", "--scans", "2", "--seed", "9"));
        Assert.True(await demo.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, $"demo failed; see {demo.LogPath}");
        var (portA, portB) = (AppProcess.FreePort(), AppProcess.FreePort());
        var nodeA = Track(await AppProcess.StartWebNodeAsync("fault-node-a", portA, Environment()));
        Track(await AppProcess.StartWebNodeAsync("fault-node-b", portB, Environment()));

        // A person reads on node B through every fault.
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await BrowserSignIn.SignInAsync(context, $"http://127.0.0.1:{portB}", "rater1", Password);
        await page.Locator("[data-testid=scan-table] a", new() { HasText = "Open" }).First.ClickAsync();
        var viewer = page.Locator("[data-testid=viewer][data-ready=true]");
        await viewer.WaitForAsync();

        var load = Track(AppProcess.Start("fault-load", Environment(), "bench", "load", "--url", $"http://127.0.0.1:{portA}",
            "--raters", "10", "--seconds", "30", "--think-ms", "20", "--json"));
        await WaitForMoreApiSavesAsync(0, "the load test to save labels");

        await nodeA.KillAsync();
        var atKill = await ApiSavesAsync();
        await Task.Delay(1000);
        Track(await AppProcess.StartWebNodeAsync("fault-node-a-restarted", portA, Environment()));
        await WaitForMoreApiSavesAsync(atKill, "saves through the restarted node");

        var atRestart = await ApiSavesAsync();
        _postgres!.Restart();
        await WaitForMoreApiSavesAsync(atRestart, "saves after PostgreSQL's restart");

        // The person's viewer on B, whose circuit lived through the database restart, saves again.
        var personBefore = await LabelAuditsAsync("rater1");
        var before = await page.Locator("[data-testid=current-label]").InnerTextAsync();
        await viewer.FocusAsync();
        await page.Keyboard.PressAsync(before == "blend_sign" ? "2" : "3");
        await WaitUntilAsync(async () => await LabelAuditsAsync("rater1") > personBefore, TimeSpan.FromSeconds(30), "the viewer on node B to save");

        var exitCode = await load.WaitForExitAsync(TimeSpan.FromMinutes(2));
        using var report = JsonDocument.Parse(load.StandardOutput);
        File.WriteAllText(Path.Combine(ChromiumBrowser.ArtifactsDirectory, "fault-load.json"), load.StandardOutput);
        var verification = report.RootElement.GetProperty("verification");
        Assert.True(verification.GetProperty("acknowledged").GetInt32() > 0, load.StandardOutput);
        Assert.Equal(0, verification.GetProperty("lost").GetInt32());
        Assert.Equal(0, verification.GetProperty("duplicated").GetInt32());
        // The faults were felt: requests failed while node A and PostgreSQL were down.
        Assert.True(report.RootElement.GetProperty("errors").GetInt32() > 0, load.StandardOutput);
        Assert.Equal(0, exitCode);
    }

    private AppProcess Track(AppProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["BlendSign__DataDirectory"] = _data.Path,
        ["BlendSign__DatabaseProvider"] = DatabaseProviders.Postgres,
        ["ConnectionStrings__BlendSign"] = _postgres!.ConnectionString,
        ["BlendSign__Demo"] = "false",
        ["BlendSign__DemoPassword"] = Password,
        ["BlendSign__Training__InProcessWorker"] = "false",
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["DOTNET_ENVIRONMENT"] = "Testing",
    };

    private BlendSignDbContext CreateDbContext() =>
        DatabaseProviders.CreateContext(DatabaseProviders.Postgres,
            DatabaseProviders.Configure(new(), DatabaseProviders.Postgres, _postgres!.ConnectionString).Options);

    private async Task<int> ApiSavesAsync()
    {
        await using var db = CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Entity == AuditEntity.Label && e.Source == AuditSources.Api);
    }

    private async Task<int> LabelAuditsAsync(string rater)
    {
        await using var db = CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Entity == AuditEntity.Label && e.ActorName == rater);
    }

    private Task WaitForMoreApiSavesAsync(int than, string what) =>
        WaitUntilAsync(async () =>
        {
            try
            {
                return await ApiSavesAsync() > than;
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException)
            {
                return false; // PostgreSQL is still starting
            }
        }, TimeSpan.FromSeconds(60), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        _postgres?.Dispose();
        _data.Dispose();
    }
}
