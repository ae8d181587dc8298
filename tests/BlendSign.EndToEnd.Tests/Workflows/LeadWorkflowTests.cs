using System.Diagnostics;
using BlendSign.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Workflows;

/// <summary>
/// A project lead's whole job in Chromium, on the demo: Table 2 → a cell → the slices where the pair disagrees → the
/// adjudication view with every read; a tie decided there with a reason; the gold standard frozen with a reason; a
/// small run queued and its results opened. Any console error, failed request or 5xx fails it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LeadWorkflowTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    [SkippableFact]
    public async Task Lead_DrillDownAdjudicateFreezeTrainAndOpenResults_NoProblemInTheBrowser()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var tie = await server.AddTieAsync(seed: 41);
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 } });
        var problems = PageProblems.Watch(context);
        var page = await BrowserSignIn.SignInAsync(context, server, "lead");

        // Table 2 → the overall cell of rater1 and rater2 → the list (the tie is one of their disagreements).
        await page.ClickAsync("a[href='agreement']");
        var cell = page.Locator("[data-testid=agreement-page][data-ready=true] [data-testid=cell-overall-rater1-rater2]");
        await cell.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=disagreements-title]")).ToHaveTextAsync("Where rater1 and rater2 disagree");
        var row = page.Locator("[data-testid=disagreement-row]", new() { HasText = tie });
        await Assertions.Expect(row).ToContainTextAsync("No hemorrhage");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "workflow-lead-disagreements.png"), FullPage = true });

        // The adjudication view: three reads, each rater's boxes toggled by its key; Esc goes back to the list.
        await row.Locator("[data-testid=open-slice]").ClickAsync();
        var view = page.Locator("[data-testid=adjudication-case][data-ready=true]");
        await view.WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=reads] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=vote]")).ToContainTextAsync("tie");
        await Assertions.Expect(view).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator("[data-testid=toggle-rater1]")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator("[data-testid=toggle-rater1]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agreement/disagreements\\?group=overall&first=rater1&second=rater2$"));
        await Assertions.Expect(page.Locator("[data-testid=disagreement-row]", new() { HasText = tie })).ToBeVisibleAsync();

        // The tie queue → the same view → 3, a reason, Enter.
        await page.GotoAsync(server.BaseUrl + "/gold/adjudication");
        await page.Locator("[data-testid=adjudication][data-ready=true]").WaitForAsync();
        await page.ClickAsync($"[data-testid='queue-item-{tie}']");
        await page.ClickAsync("[data-testid=open-case]");
        await view.WaitForAsync();
        await page.Keyboard.PressAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=reason]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("hypodense swirl inside the hematoma");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=case-message]")).ToContainTextAsync("Decided Blend sign");
        await Assertions.Expect(page.Locator("[data-testid=gold]")).ToContainTextAsync("Blend sign (adjudicated");
        await Assertions.Expect(page.Locator("[data-testid=gold]")).ToContainTextAsync("hypodense swirl inside the hematoma");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "workflow-lead-adjudicated.png"), FullPage = true });

        // Freeze asks for a reason first.
        await page.GotoAsync(server.BaseUrl + "/gold/adjudication");
        await page.Locator("[data-testid=adjudication][data-ready=true]").WaitForAsync();
        await page.ClickAsync("[data-testid=freeze]");
        await Assertions.Expect(page.Locator("[data-testid=freeze-reason]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("every tie settled before the first run");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=adjudication-message]")).ToContainTextAsync("snapshot #");

        // A small run, queued from the form, trained by the hosted service; then its results page.
        await page.ClickAsync("a[href='training']");
        await page.Locator("[data-testid=training-page][data-ready=true]").WaitForAsync();
        await page.ClickAsync("[data-testid=start-run]");
        await page.Locator("[data-testid^=run-status-]", new() { HasText = "Completed" }).WaitForAsync(new() { Timeout = 240_000 });
        var watch = Stopwatch.StartNew();
        await page.ClickAsync("[data-testid=open-results]");
        await page.Locator("[data-testid=run-results-page][data-ready=true] [data-testid=table3]").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        watch.Stop();
        await File.WriteAllTextAsync(Path.Combine(ChromiumBrowser.ArtifactsDirectory, "workflow-lead-results-load.txt"),
            $"results page to network idle: {watch.ElapsedMilliseconds} ms{Environment.NewLine}");
        await Assertions.Expect(page.Locator("[data-testid=run-record]")).Not.ToContainTextAsync("/runs/");
        await Assertions.Expect(page.Locator("[data-testid=oof-csv]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/api/runs/\d+/oof_predictions\.csv$"));
        await Assertions.Expect(page.Locator("[data-testid=roc-blend_sign] .tick-label")).ToHaveCountAsync(6);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "workflow-lead-results.png"), FullPage = true });
        problems.AssertNone();
    }
}
