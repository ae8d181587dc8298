using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BlendSign.Data.Audit;
using BlendSign.Data.Tests.Support;
using BlendSign.Data.Training;
using BlendSign.EndToEnd.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Cluster;

/// <summary>
/// Issue 13's "done means": two web nodes and a training worker, each a process of its own on one PostgreSQL
/// database and one data directory. A rater signed in on node A reads and labels on node B; a lead starts a run on A;
/// the worker trains it while B's training page shows its progress; the worker is killed with SIGKILL mid-run and
/// another finishes the run from its checkpoints, with the folds the first one made.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoWebNodesAndWorkerTests(ChromiumBrowser chromium) : IAsyncLifetime
{
    private ClusterProject _project = null!;

    public Task InitializeAsync()
    {
        // A tiny model, so that a run takes seconds on a CPU; workers that notice a silent one within seconds.
        _project = new ClusterProject("cluster", TestDatabaseProvider.CreatePostgresDatabase(), new Dictionary<string, string>
        {
            ["BlendSign__Training__HeartbeatSeconds"] = "1",
            ["BlendSign__Training__StaleAfterSeconds"] = "5",
            ["BlendSign__Training__Backbone"] = "tiny_cnn",
            ["BlendSign__Training__Detection"] = "false",
            ["BlendSign__Training__Distillation"] = "false",
            ["BlendSign__Training__BatchSize"] = "8",
            ["BlendSign__Training__Threads"] = "1",
        });
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task RaterOnBothNodes_LeadStartsRunOnA_WorkerKilledMidRun_AnotherFinishesWithTheSameFolds()
    {
        ChromiumBrowser.SkipIfUnavailable();
        await _project.SeedDemoAsync(scans: 4, seed: 5);
        var (portA, portB) = (LoopbackPort.Free(), LoopbackPort.Free());
        var nodeA = await _project.StartWebNodeAsync("node-a", portA);
        var nodeB = await _project.StartWebNodeAsync("node-b", portB);
        var (urlA, urlB) = ($"http://127.0.0.1:{portA}", $"http://127.0.0.1:{portB}");

        // A rater signs in on A; the cookie (one host, two ports) takes them to B, where they label a slice.
        await using var rater = await chromium.Browser.NewContextAsync();
        await BrowserSignIn.SignInAsync(rater, urlA, "rater1", ClusterProject.Password);
        var onB = await rater.NewPageAsync();
        onB.SetDefaultTimeout(BrowserSignIn.Timeout);
        await onB.GotoAsync(urlB + "/scans");
        Assert.DoesNotContain("/Account/Login", onB.Url);
        await LabelFirstSliceAsync(onB);

        // A lead starts a run on A; nobody trains it yet (both nodes leave training to workers).
        await using var lead = await chromium.Browser.NewContextAsync();
        var leadOnA = await BrowserSignIn.SignInAsync(lead, urlA, "lead", ClusterProject.Password);
        await leadOnA.GotoAsync(urlA + "/training");
        await leadOnA.Locator("[data-testid=training-page][data-ready=true]").WaitForAsync();
        // Enough epochs (a few seconds a fold) that node B's page, polling every 2 s, sees the run's progress, and the
        // worker can be killed between fold 1's end and the run's.
        var epochs = leadOnA.Locator("input[data-testid=epochs], [data-testid=epochs] input").First;
        await epochs.FillAsync("40");
        await epochs.PressAsync("Tab");
        await leadOnA.ClickAsync("[data-testid=start-run]");
        var runId = await WaitForQueuedRunAsync();

        var firstWorker = _project.Start("worker-1", "worker", "--device", "cpu");
        var leadOnB = await lead.NewPageAsync();
        leadOnB.SetDefaultTimeout(BrowserSignIn.Timeout);
        await leadOnB.GotoAsync(urlB + "/training");
        await leadOnB.Locator("[data-testid=training-page][data-ready=true]").WaitForAsync();
        await leadOnB.Locator($"[data-testid=run-status-{runId}]", new() { HasText = "Running" }).WaitForAsync(new() { Timeout = 120_000 });
        // The worker's progress, stored on the run's row, reaches node B's page ("fold 1/3 · epoch 2/40 · …").
        var progressOnB = leadOnB.Locator("[data-testid=runs] tr", new() { HasTextRegex = new Regex(@"fold \d/3 · .*epoch \d+/40") });
        await progressOnB.First.WaitForAsync(new() { Timeout = 120_000 });
        await leadOnB.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "cluster-node-b-training.png"), FullPage = true });

        // Kill the worker once fold 1 is done and before the run is.
        var foldOne = Path.Combine(_project.DataDirectory, "runs", runId.ToString(CultureInfo.InvariantCulture), "checkpoints", "fold-1", "result.json");
        await ClusterProject.WaitUntilAsync(() => Task.FromResult(File.Exists(foldOne)), TimeSpan.FromMinutes(3), "fold 1 to finish");
        await firstWorker.KillAsync();
        Assert.Equal(TrainingRunStatus.Running, (await LoadRunAsync(runId)).Status);
        var foldOneBefore = await File.ReadAllTextAsync(foldOne);

        var secondWorker = _project.Start("worker-2", "worker", "--once", "--device", "cpu");
        Assert.True(await secondWorker.WaitForExitAsync(TimeSpan.FromMinutes(5)) == 0, $"the second worker failed; see {secondWorker.LogPath}");

        var run = await LoadRunAsync(runId);
        Assert.Equal(TrainingRunStatus.Completed, run.Status);
        Assert.Equal(1, run.ResumeCount);
        Assert.Equal(foldOneBefore, await File.ReadAllTextAsync(foldOne));
        await AssertFoldOneKeptAsync(runId, foldOneBefore);
        await leadOnB.Locator($"[data-testid=run-status-{runId}]", new() { HasText = "Completed" }).WaitForAsync(new() { Timeout = 60_000 });
        Assert.False(nodeA.HasExited || nodeB.HasExited);
    }

    private async Task LabelFirstSliceAsync(IPage page)
    {
        await page.Locator("[data-testid=scans-page][data-ready=true] [data-testid=scan-table]").WaitForAsync();
        await page.Locator("[data-testid=scan-table] a", new() { HasText = "Open" }).First.ClickAsync();
        var viewer = page.Locator("[data-testid=viewer][data-ready=true]");
        await viewer.WaitForAsync();
        await page.WaitForFunctionAsync(ViewerPage.SlicePainted);
        var before = await page.Locator("[data-testid=current-label]").GetAttributeAsync("data-label");
        var audited = await RaterLabelAuditsAsync();
        await viewer.FocusAsync();
        // A class other than the slice's current one: the save is a change, with an audit entry of its own.
        await page.Keyboard.PressAsync(before == "blend_sign" ? "2" : "3");
        await page.Locator("[data-testid=slice-position]", new() { HasText = "Slice 2 of" }).WaitForAsync();
        await ClusterProject.WaitUntilAsync(async () => await RaterLabelAuditsAsync() > audited, TimeSpan.FromSeconds(30), "node B to save rater1's label");
    }

    private async Task<int> RaterLabelAuditsAsync()
    {
        await using var db = _project.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Entity == AuditEntity.Label && e.ActorName == "rater1");
    }

    private async Task AssertFoldOneKeptAsync(int runId, string foldOneJson)
    {
        using var json = JsonDocument.Parse(foldOneJson);
        var heldOut = json.RootElement.EnumerateObject().First(p => p.Name.Equals("predictions", StringComparison.OrdinalIgnoreCase)).Value
            .EnumerateArray().Select(p => p.EnumerateObject().First(q => q.Name.Equals("sampleId", StringComparison.OrdinalIgnoreCase)).Value.GetString())
            .ToHashSet();
        await using var db = _project.CreateDbContext();
        var stored = await db.SlicePredictions.Where(p => p.TrainingRunId == runId && p.Fold == 1)
            .Select(p => p.Slice.SopInstanceUid).ToListAsync();
        Assert.NotEmpty(heldOut);
        Assert.Equal(heldOut.Order(), stored.Order());
    }

    private async Task<TrainingRun> LoadRunAsync(int runId)
    {
        await using var db = _project.CreateDbContext();
        return await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    private async Task<int> WaitForQueuedRunAsync()
    {
        int? found = null;
        await ClusterProject.WaitUntilAsync(async () =>
        {
            await using var db = _project.CreateDbContext();
            found = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Queued).Select(r => (int?)r.Id).FirstOrDefaultAsync();
            return found is not null;
        }, TimeSpan.FromMinutes(1), "the lead's run to be queued");
        return found!.Value;
    }

    public async Task DisposeAsync()
    {
        await _project.DisposeAsync();
        TestDatabaseProvider.DropPostgresDatabase(_project.ConnectionString);
    }
}
