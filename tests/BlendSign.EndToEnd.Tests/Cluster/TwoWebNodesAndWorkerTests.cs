using System.Text.Json;
using BlendSign.Data.Persistence;
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
    private const string Password = "Demo-password-1";

    private readonly TempDirectory _data = new();
    private readonly List<AppProcess> _processes = [];
    private string _connectionString = "";

    public Task InitializeAsync()
    {
        _connectionString = TestDatabaseProvider.CreatePostgresDatabase();
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task RaterOnBothNodes_LeadStartsRunOnA_WorkerKilledMidRun_AnotherFinishesWithTheSameFolds()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var demo = AppProcess.Start("cluster-demo", Environment(), "demo", "--scans", "4", "--seed", "5");
        _processes.Add(demo);
        Assert.True(await demo.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, $"demo failed; see {demo.LogPath}");
        var (portA, portB) = (AppProcess.FreePort(), AppProcess.FreePort());
        var nodeA = await StartNodeAsync("cluster-node-a", portA);
        var nodeB = await StartNodeAsync("cluster-node-b", portB);
        var (urlA, urlB) = ($"http://127.0.0.1:{portA}", $"http://127.0.0.1:{portB}");

        // A rater signs in on A; the cookie (one host, two ports) takes them to B, where they label a slice.
        await using var rater = await chromium.Browser.NewContextAsync();
        await BrowserSignIn.SignInAsync(rater, urlA, "rater1", Password);
        var onB = await rater.NewPageAsync();
        onB.SetDefaultTimeout(BrowserSignIn.Timeout);
        await onB.GotoAsync(urlB + "/scans");
        Assert.DoesNotContain("/Account/Login", onB.Url);
        await LabelFirstSliceAsync(onB, rater1LabelsBefore: await CountLabelsAsync("rater1"));

        // A lead starts a run on A; nobody trains it yet (both nodes leave training to workers).
        await using var lead = await chromium.Browser.NewContextAsync();
        var leadOnA = await BrowserSignIn.SignInAsync(lead, urlA, "lead", Password);
        await leadOnA.GotoAsync(urlA + "/training");
        await leadOnA.Locator("[data-testid=training-page][data-ready=true]").WaitForAsync();
        // Enough epochs (a few seconds a fold) that node B's page, polling every 2 s, sees the run's progress, and the
        // worker can be killed between fold 1's end and the run's.
        var epochs = leadOnA.Locator("input[data-testid=epochs], [data-testid=epochs] input").First;
        await epochs.FillAsync("40");
        await epochs.PressAsync("Tab");
        await leadOnA.ClickAsync("[data-testid=start-run]");
        var runId = await WaitForRunAsync(r => r.Status == TrainingRunStatus.Queued, TimeSpan.FromMinutes(1));

        var firstWorker = AppProcess.Start("cluster-worker-1", Environment(), "worker", "--device", "cpu");
        _processes.Add(firstWorker);
        var leadOnB = await lead.NewPageAsync();
        leadOnB.SetDefaultTimeout(BrowserSignIn.Timeout);
        await leadOnB.GotoAsync(urlB + "/training");
        await leadOnB.Locator("[data-testid=training-page][data-ready=true]").WaitForAsync();
        await leadOnB.Locator($"[data-testid=run-status-{runId}]", new() { HasText = "Running" }).WaitForAsync(new() { Timeout = 120_000 });
        // The worker's progress, stored on the run's row, reaches node B's page ("fold 1/3 · epoch 2/6 · …").
        var progressOnB = leadOnB.Locator("[data-testid=runs] tr", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"fold \d/3 · .*epoch \d+/40") });
        await progressOnB.First.WaitForAsync(new() { Timeout = 120_000 });
        File.WriteAllText(Path.Combine(ChromiumBrowser.ArtifactsDirectory, "cluster-node-b-row.txt"), await progressOnB.First.InnerTextAsync());
        await leadOnB.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "cluster-node-b-training.png"), FullPage = true });

        // Kill the worker once fold 1 is done and before the run is.
        var foldOne = Path.Combine(_data.Path, "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "checkpoints", "fold-1", "result.json");
        await WaitUntilAsync(() => File.Exists(foldOne), TimeSpan.FromMinutes(3), "fold 1 to finish");
        await firstWorker.KillAsync();
        var killed = await LoadRunAsync(runId);
        Assert.Equal(TrainingRunStatus.Running, killed.Status);
        var foldOneBefore = await File.ReadAllTextAsync(foldOne);

        var secondWorker = AppProcess.Start("cluster-worker-2", Environment(), "worker", "--once", "--device", "cpu");
        _processes.Add(secondWorker);
        Assert.True(await secondWorker.WaitForExitAsync(TimeSpan.FromMinutes(5)) == 0, $"the second worker failed; see {secondWorker.LogPath}");

        var run = await LoadRunAsync(runId);
        Assert.Equal(TrainingRunStatus.Completed, run.Status);
        Assert.Equal(1, run.ResumeCount);
        Assert.Equal(foldOneBefore, await File.ReadAllTextAsync(foldOne));
        await AssertFoldOneKeptAsync(runId, foldOneBefore);
        await leadOnB.Locator($"[data-testid=run-status-{runId}]", new() { HasText = "Completed" }).WaitForAsync(new() { Timeout = 60_000 });
        Assert.False(nodeA.HasExited || nodeB.HasExited);
    }

    private async Task LabelFirstSliceAsync(IPage page, int rater1LabelsBefore)
    {
        await page.Locator("[data-testid=scans-page][data-ready=true] [data-testid=scan-table]").WaitForAsync();
        await page.Locator("[data-testid=scan-table] a", new() { HasText = "Open" }).First.ClickAsync();
        var viewer = page.Locator("[data-testid=viewer][data-ready=true]");
        await viewer.WaitForAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=slice-image]'); return i && i.complete && i.naturalWidth === 512; }");
        var before = await page.Locator("[data-testid=current-label]").InnerTextAsync();
        var key = before == "blend_sign" ? "2" : "3";
        await viewer.FocusAsync();
        await page.Keyboard.PressAsync(key);
        await page.Locator("[data-testid=slice-position]", new() { HasText = "Slice 2 of" }).WaitForAsync();
        // The demo's simulated reads may already cover the slice: a change or a new label shows in the audit trail.
        await WaitUntilAsync(async () => await CountLabelAuditsAsync("rater1") > 0, TimeSpan.FromSeconds(30), "node B to save rater1's label");
        Assert.True(await CountLabelsAsync("rater1") >= rater1LabelsBefore);
    }

    private async Task AssertFoldOneKeptAsync(int runId, string foldOneJson)
    {
        using var json = JsonDocument.Parse(foldOneJson);
        var heldOut = json.RootElement.EnumerateObject().First(p => p.Name.Equals("predictions", StringComparison.OrdinalIgnoreCase)).Value
            .EnumerateArray().Select(p => p.EnumerateObject().First(q => q.Name.Equals("sampleId", StringComparison.OrdinalIgnoreCase)).Value.GetString())
            .ToHashSet();
        await using var db = CreateDbContext();
        var stored = await db.SlicePredictions.Where(p => p.TrainingRunId == runId && p.Fold == 1)
            .Select(p => p.Slice.SopInstanceUid).ToListAsync();
        Assert.NotEmpty(heldOut);
        Assert.Equal(heldOut.Order(), stored.Order());
    }

    private async Task<AppProcess> StartNodeAsync(string name, int port)
    {
        var node = await AppProcess.StartWebNodeAsync(name, port, Environment());
        _processes.Add(node);
        return node;
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["BlendSign__DataDirectory"] = _data.Path,
        ["BlendSign__DatabaseProvider"] = DatabaseProviders.Postgres,
        ["ConnectionStrings__BlendSign"] = _connectionString,
        ["BlendSign__Demo"] = "false",
        ["BlendSign__DemoPassword"] = Password,
        ["BlendSign__Training__InProcessWorker"] = "false",
        ["BlendSign__Training__HeartbeatSeconds"] = "1",
        ["BlendSign__Training__StaleAfterSeconds"] = "5",
        ["BlendSign__Training__Backbone"] = "tiny_cnn",
        ["BlendSign__Training__Detection"] = "false",
        ["BlendSign__Training__Distillation"] = "false",
        ["BlendSign__Training__BatchSize"] = "8",
        ["BlendSign__Training__Threads"] = "1",
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["DOTNET_ENVIRONMENT"] = "Testing",
    };

    private BlendSignDbContext CreateDbContext() =>
        DatabaseProviders.CreateContext(DatabaseProviders.Postgres,
            DatabaseProviders.Configure(new(), DatabaseProviders.Postgres, _connectionString).Options);

    private async Task<int> CountLabelsAsync(string rater)
    {
        await using var db = CreateDbContext();
        return await db.SliceLabels.CountAsync(l => db.Users.Any(u => u.Id == l.RaterId && u.UserName == rater));
    }

    private async Task<int> CountLabelAuditsAsync(string rater)
    {
        await using var db = CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Entity == BlendSign.Data.Audit.AuditEntity.Label && e.ActorName == rater);
    }

    private async Task<TrainingRun> LoadRunAsync(int runId)
    {
        await using var db = CreateDbContext();
        return await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    private async Task<int> WaitForRunAsync(Func<TrainingRun, bool> condition, TimeSpan timeout)
    {
        TrainingRun? found = null;
        await WaitUntilAsync(async () =>
        {
            await using var db = CreateDbContext();
            found = (await db.TrainingRuns.AsNoTracking().ToListAsync()).FirstOrDefault(condition);
            return found is not null;
        }, timeout, "the lead's run to be queued");
        return found!.Id;
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
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

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (_connectionString.Length > 0)
        {
            TestDatabaseProvider.DropPostgresDatabase(_connectionString);
        }

        _data.Dispose();
    }
}
