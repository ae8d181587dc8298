using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.EndToEnd.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;

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
    private PostgresCluster _postgres = null!;
    private ClusterProject _project = null!;

    public Task InitializeAsync()
    {
        // A cluster of its own: the one the other tests share must stay up while this one restarts.
        _postgres = PostgresCluster.Start();
        _project = new ClusterProject("fault", _postgres.ConnectionString);
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task LoadTest_WebNodeKilledAndPostgresRestarted_NoAcknowledgedLabelLostOrDuplicated()
    {
        ChromiumBrowser.SkipIfUnavailable();
        await _project.SeedDemoAsync(scans: 2, seed: 9);
        var (portA, portB) = (LoopbackPort.Free(), LoopbackPort.Free());
        var nodeA = await _project.StartWebNodeAsync("node-a", portA);
        await _project.StartWebNodeAsync("node-b", portB);

        // A person reads on node B through every fault.
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await BrowserSignIn.SignInAsync(context, $"http://127.0.0.1:{portB}", "rater1", ClusterProject.Password);
        await page.Locator("[data-testid=scan-table] a", new() { HasText = "Open" }).First.ClickAsync();
        var viewer = page.Locator("[data-testid=viewer][data-ready=true]");
        await viewer.WaitForAsync();

        var load = _project.Start("load", "bench", "load", "--url", $"http://127.0.0.1:{portA}",
            "--raters", "10", "--seconds", "30", "--think-ms", "20", "--json");
        await WaitForMoreApiSavesAsync(0, "the load test to save labels");

        await nodeA.KillAsync();
        var atKill = await ApiSavesAsync();
        await Task.Delay(1000);
        await _project.StartWebNodeAsync("node-a-restarted", portA);
        await WaitForMoreApiSavesAsync(atKill, "saves through the restarted node");

        var atRestart = await ApiSavesAsync();
        _postgres.Restart();
        await WaitForMoreApiSavesAsync(atRestart, "saves after PostgreSQL's restart");

        // The person's viewer on B, whose circuit lived through the database restart, saves again.
        var personBefore = await LabelAuditsAsync("rater1");
        var before = await page.Locator("[data-testid=current-label]").GetAttributeAsync("data-label");
        await viewer.FocusAsync();
        await page.Keyboard.PressAsync(before == "blend_sign" ? "2" : "3");
        await ClusterProject.WaitUntilAsync(async () => await LabelAuditsAsync("rater1") > personBefore, TimeSpan.FromSeconds(30),
            "the viewer on node B to save");

        var exitCode = await load.WaitForExitAsync(TimeSpan.FromMinutes(2));
        File.WriteAllText(Path.Combine(ChromiumBrowser.ArtifactsDirectory, "fault-load.json"), load.StandardOutput);
        using var report = JsonDocument.Parse(load.StandardOutput);
        var verification = report.RootElement.GetProperty("verification");
        Assert.True(verification.GetProperty("acknowledged").GetInt32() > 0, load.StandardOutput);
        Assert.Equal(0, verification.GetProperty("lost").GetInt32());
        Assert.Equal(0, verification.GetProperty("duplicated").GetInt32());
        // The faults were felt: requests failed while node A and PostgreSQL were down.
        Assert.True(report.RootElement.GetProperty("errors").GetInt32() > 0, load.StandardOutput);
        Assert.Equal(0, exitCode);
    }

    private async Task<int> ApiSavesAsync()
    {
        await using var db = _project.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Entity == AuditEntity.Label && e.Source == AuditSources.Api);
    }

    private async Task<int> LabelAuditsAsync(string rater)
    {
        await using var db = _project.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Entity == AuditEntity.Label && e.ActorName == rater);
    }

    private Task WaitForMoreApiSavesAsync(int than, string what) =>
        ClusterProject.WaitUntilAsync(async () =>
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

    public async Task DisposeAsync()
    {
        await _project.DisposeAsync();
        _postgres.Dispose();
    }
}
