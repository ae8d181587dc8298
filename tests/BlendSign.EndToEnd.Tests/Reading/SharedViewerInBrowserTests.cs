using BlendSign.Data.Export;
using BlendSign.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Reading;

/// <summary>The rater's viewer tools in the lead's adjudication view and the reviewer's queue: window drag and HU readout.</summary>
[Collection(BrowserCollection.Name)]
public class SharedViewerInBrowserTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    [SkippableFact]
    public async Task AdjudicationAndReview_RightDragAndPointer_RepaintTheWindowAndReadTheHu()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var tie = await server.AddTieAsync(seed: 61);
        await server.AddCompletedRunAsync(suspects: 1);
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await BrowserSignIn.SignInAsync(context, server, "lead");

        await page.GotoAsync($"{server.BaseUrl}/gold/slices/{Uri.EscapeDataString(tie)}");
        await DragWindowAndReadHuAsync(page, "[data-testid=adjudication-case][data-ready=true]");

        await page.GotoAsync(server.BaseUrl + "/review");
        await DragWindowAndReadHuAsync(page, "[data-testid=review][data-ready=true] [data-testid=review-case]");
    }

    private async Task DragWindowAndReadHuAsync(IPage page, string readySelector)
    {
        await page.Locator(readySelector).WaitForAsync();
        await page.WaitForFunctionAsync(ViewerPage.SlicePainted);
        await page.Locator("[data-testid=viewer-stage]").ScrollIntoViewIfNeededAsync();
        var before = await page.EvaluateAsync<string[]>(ViewerPage.ReadCanvas);

        var window = await ViewerPage.DragWindowAsync(page);
        var after = await page.EvaluateAsync<string[]>(ViewerPage.ReadCanvas);

        Assert.StartsWith("W ", window);
        Assert.Equal(window, await page.Locator("[data-testid=overlay-window]").TextContentAsync());
        Assert.Equal(["false", "true"], new[] { before[1], after[1] }); // the study's RGB, then one gray window
        Assert.NotEqual(before[0], after[0]);
        var sop = (await page.Locator("[data-testid=viewer-canvas]").GetAttributeAsync("data-shown-sop"))!;
        var hu = (await server.Services.GetRequiredService<SliceExporter>().FindAsync(sop, CancellationToken.None))!;
        Assert.Equal(hu.HuAt(300 * hu.Columns + 200), await ViewerPage.HuUnderPointerAsync(page, 200, 300));
    }
}
