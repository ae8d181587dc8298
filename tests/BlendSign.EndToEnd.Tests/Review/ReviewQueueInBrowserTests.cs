using BlendSign.Data.Audit;
using BlendSign.Data.Configuration;
using BlendSign.Data.Persistence;
using BlendSign.Data.Review;
using BlendSign.EndToEnd.Tests.Support;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Training;
using BlendSign.Tests.Shared;
using BlendSign.Web.Features.Review;
using BlendSign.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Review;

/// <summary>
/// A reviewer works through a queue of three slices with the keyboard: keep, re-read, change with a reason; the model's
/// box (from fold models with a known, constant detection map) is drawn on the slice and hidden with M.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReviewQueueInBrowserTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    [SkippableFact]
    public async Task Reviewer_ThreeQueuedSlices_KeepRereadAndChangeByKeyboard()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var runId = await server.AddCompletedRunAsync(suspects: 3);
        SaveConstantFoldDetectors(runId);
        var queue = await server.Services.GetRequiredService<ReviewQueueService>().BuildAsync(runId);
        var order = queue!.Items.Select(i => i.Slice.SopInstanceUid).ToList();
        Assert.Equal(3, order.Count);

        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await BrowserSignIn.SignInAsync(context, server, "reviewer");
        await page.GotoAsync(server.BaseUrl + "/review");
        var reviewCase = page.Locator("[data-testid=review][data-ready=true] [data-testid=review-case]");
        await reviewCase.WaitForAsync();
        await Assertions.Expect(reviewCase).ToHaveAttributeAsync("data-sop", order[0]);
        await Assertions.Expect(page.Locator("[data-testid=review-legend]")).ToContainTextAsync("keep the gold label");
        // The first model boxes wait for this process's CPU fast-path check and the fold model's load: tens of seconds on a busy CI machine.
        await Assertions.Expect(page.Locator("[data-testid=review-model-boxes]")).ToContainTextAsync("1 box (1.00)", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("[data-testid=dashed-box]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=dashed-box] text")).ToHaveTextAsync("model 1.00");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "review-queue-model-box.png"), FullPage = true });
        await reviewCase.FocusAsync();
        await page.Keyboard.PressAsync("m");
        await Assertions.Expect(page.Locator("[data-testid=dashed-box]")).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(reviewCase).ToHaveAttributeAsync("data-sop", order[1]);
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(reviewCase).ToHaveAttributeAsync("data-sop", order[2]);
        await page.Keyboard.PressAsync("c");
        await page.Keyboard.PressAsync("2");
        var reason = page.Locator("[data-testid=review-reason]");
        await Assertions.Expect(reason).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("hyperdense crescent along the falx");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "review-queue.png"), FullPage = true });
        await page.Keyboard.PressAsync("Enter");

        await page.Locator("[data-testid=review-empty]").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "review-queue-done.png"), FullPage = true });
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        var decisions = await db.ReviewDecisions.Include(d => d.Slice).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([ReviewOutcome.Keep, ReviewOutcome.Reread, ReviewOutcome.Change], decisions.Select(d => d.Outcome));
        Assert.Equal(order, decisions.Select(d => d.Slice.SopInstanceUid));
        Assert.Equal(("reviewer", "hyperdense crescent along the falx"), (decisions[2].ReviewerName, decisions[2].Reason));
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Review) >= 3);
    }

    /// <summary>Each fold's final model: one whose detection map finds one box (score sigmoid(10)) on every slice.</summary>
    private void SaveConstantFoldDetectors(int runId)
    {
        var checkpoints = RunFolder.Of(server.Services.GetRequiredService<DataPaths>().Runs, runId).Checkpoints;
        var options = new TrainingSettings { ImageSize = 64, Backbone = "resnet18" }.ToNetworkOptions();
        ConstantDetector.Save(options, 10f, [0.1f, 0.1f, 0.1f, 0.1f], [.. Enumerable.Range(0, 3).Select(f => CrossValidator.FinalModelPath(checkpoints, f))]);
    }
}
