using System.Globalization;
using BlendSign.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Workflows;

/// <summary>
/// A radiologist's whole job in Chromium, on the demo: the worklist, a scan labeled by keyboard, a box drawn, moved
/// and deleted, the delete undone. Any console error, failed request or 5xx fails it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RaterWorkflowTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    [SkippableFact]
    public async Task Rater_WorklistLabelDrawMoveDeleteUndo_NoProblemInTheBrowser()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var (_, pseudonym) = await server.AddUnreadScanAsync(slices: 6, seed: 31);
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1500, Height = 900 } });
        var problems = PageProblems.Watch(context);
        var page = await BrowserSignIn.SignInAsync(context, server, "rater1");

        var next = page.Locator("[data-testid=next-unread]");
        await Assertions.Expect(next).ToContainTextAsync(pseudonym);
        await next.ClickAsync();
        await page.Locator("[data-testid=viewer][data-ready=true]").WaitForAsync();
        await page.WaitForFunctionAsync(ViewerPage.SlicePainted);
        await Assertions.Expect(page.Locator("[data-testid=scrubber-legend]")).ToContainTextAsync("No hemorrhage");

        foreach (var key in new[] { "1", "2", "3" })
        {
            await page.Keyboard.PressAsync(key);
        }

        await page.Locator("[data-testid=slice-position]", new() { HasText = "Slice 4 of 6" }).WaitForAsync();
        await page.Locator("[data-testid=scrubber-cell]").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=current-label]")).ToHaveTextAsync("Normal ICH");

        // Slice pixels, wherever the fitted image lies on the screen.
        await ViewerPage.DragAsync(page, await ViewerPage.ToScreenAsync(page, 150, 160), await ViewerPage.ToScreenAsync(page, 250, 240));
        var box = page.Locator("[data-testid=box]");
        await box.WaitForAsync();
        Assert.Equal(150, await EdgeAsync(box, "data-left"), 1.0);

        // Dragged by its body (away from the center and the corners), the whole box moves.
        await ViewerPage.DragAsync(page, await ViewerPage.ToScreenAsync(page, 170, 175), await ViewerPage.ToScreenAsync(page, 200, 195));
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=box]')?.dataset.left) > 175");
        Assert.Equal(180, await EdgeAsync(box, "data-left"), 1.0);
        Assert.Equal(180, await EdgeAsync(box, "data-top"), 1.0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "workflow-rater-box.png") });

        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(box).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("u");
        await Assertions.Expect(box).ToHaveCountAsync(1);
        Assert.Equal(180, await EdgeAsync(box, "data-left"), 1.0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "workflow-rater-undo.png") });

        await page.GotoAsync(server.BaseUrl + "/scans");
        var row = page.Locator("[data-testid=scan-table] tr", new() { HasText = pseudonym });
        await Assertions.Expect(row).ToContainTextAsync("3 / 6 labeled");
        problems.AssertNone();
    }

    private static async Task<double> EdgeAsync(ILocator box, string attribute) =>
        double.Parse((await box.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);
}
