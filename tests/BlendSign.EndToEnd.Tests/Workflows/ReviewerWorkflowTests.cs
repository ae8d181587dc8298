using BlendSign.Data.Persistence;
using BlendSign.Data.Review;
using BlendSign.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Workflows;

/// <summary>
/// A reviewer's whole job in Chromium: three queued slices decided by keyboard right after the page loads, without a
/// click first (keep, re-read, change with a reason).
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReviewerWorkflowTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    [SkippableFact]
    public async Task Reviewer_ThreeDecisionsByKeyboardRightAfterLoad_RecordedWithNoProblemInTheBrowser()
    {
        ChromiumBrowser.SkipIfUnavailable();
        await server.AddCompletedRunAsync(suspects: 3);
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1500, Height = 900 } });
        var problems = PageProblems.Watch(context);
        var page = await BrowserSignIn.SignInAsync(context, server, "reviewer");

        await page.ClickAsync("a[href='review']");
        var reviewCase = page.Locator("[data-testid=review-case][data-ready=true]");
        await reviewCase.WaitForAsync();
        await Assertions.Expect(reviewCase).ToBeFocusedAsync();
        var first = await reviewCase.GetAttributeAsync("data-sop");

        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(reviewCase).Not.ToHaveAttributeAsync("data-sop", first!);
        var second = await reviewCase.GetAttributeAsync("data-sop");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(reviewCase).Not.ToHaveAttributeAsync("data-sop", second!);
        await page.Keyboard.PressAsync("c");
        await page.Keyboard.PressAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=review-reason]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("small hyperdense focus in the left sylvian fissure");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=review-empty]").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "workflow-reviewer-done.png"), FullPage = true });

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        var decisions = await db.ReviewDecisions.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([ReviewOutcome.Keep, ReviewOutcome.Reread, ReviewOutcome.Change], decisions.Select(d => d.Outcome));
        Assert.Equal("small hyperdense focus in the left sylvian fissure", decisions[2].Reason);
        problems.AssertNone();
    }
}
