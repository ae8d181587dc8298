using System.Globalization;
using BlendSign.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Lead;

/// <summary>A project lead reads the agreement table and trains the model from the browser, on the hosted service.</summary>
[Collection(BrowserCollection.Name)]
public class AgreementAndTrainingInBrowserTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    [SkippableFact]
    public async Task Lead_OpensAgreement_SeesKappasOfTheDemoReads()
    {
        ChromiumBrowser.SkipIfUnavailable();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await BrowserSignIn.SignInAsync(context, server, "lead");

        await page.GotoAsync(server.BaseUrl + "/agreement");
        var row = page.Locator("[data-testid=agreement-page][data-ready=true] [data-testid=agreement-row-non_ich]");
        await row.WaitForAsync();

        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal(1 + 3 * 2 + 1, cells.Count); // class, three pairs × (p, κ), Fleiss
        var percent = double.Parse(cells[1], CultureInfo.InvariantCulture);
        Assert.InRange(percent, 50, 100);
        Assert.Matches(@"^-?\d\.\d\d \(-?\d\.\d\d–-?\d\.\d\d\)", cells[^1]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "agreement.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Lead_StartsARun_HostedServiceFinishesItWithMetrics()
    {
        ChromiumBrowser.SkipIfUnavailable();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await BrowserSignIn.SignInAsync(context, server, "lead");
        await page.GotoAsync(server.BaseUrl + "/training");
        await page.Locator("[data-testid=training-page][data-ready=true]").WaitForAsync();
        // The form starts from BlendSign:Training (DemoServer sets the CPU-sized 3 folds, 1 epoch, 64 px).
        await Assertions.Expect(FormField(page, "folds")).ToHaveValueAsync("3");
        await Assertions.Expect(FormField(page, "epochs")).ToHaveValueAsync("1");
        await Assertions.Expect(FormField(page, "image-size")).ToHaveValueAsync("64");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "training-form.png"), FullPage = true });

        await page.ClickAsync("[data-testid=start-run]");

        await page.Locator("[data-testid^=run-status-]", new() { HasText = "Completed" }).WaitForAsync(new() { Timeout = 240_000 });
        var blendSign = page.Locator("[data-testid=metrics-blend_sign] td");
        await blendSign.First.WaitForAsync();
        var values = await blendSign.AllInnerTextsAsync();
        Assert.Equal("blend_sign", values[0]);
        var auc = values[4];
        Assert.True(auc == "–" || double.Parse(auc, CultureInfo.InvariantCulture) is >= 0 and <= 1, auc);
        Assert.Equal(4, await page.Locator("[data-testid=confusion-matrix] tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "training.png"), FullPage = true });

        // The results page: Table 3 for the run, and a Grad-CAM overlay that the browser decodes.
        await page.ClickAsync("[data-testid=open-results]");
        await page.Locator("[data-testid=run-results-page][data-ready=true]").WaitForAsync();
        // Computed off the circuit's thread the first time (a progress bar meanwhile), then kept for the run.
        await page.Locator("[data-testid=table3] tbody tr").First.WaitForAsync();
        Assert.Equal(3, await page.Locator("[data-testid=table3] tbody tr").CountAsync());
        await page.ClickAsync("[data-testid=gradcam-show] button, button[data-testid=gradcam-show]");
        var overlay = page.Locator("[data-testid=gradcam] img").First;
        await overlay.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=gradcam] img'); return i && i.complete && i.naturalWidth > 0; }",
            null, new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "run-results.png"), FullPage = true });
    }

    /// <summary>The input of one of the Training form's numeric fields (MudBlazor puts the test id on the input or around it).</summary>
    private static ILocator FormField(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
