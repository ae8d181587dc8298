using BlendSign.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Reading;

/// <summary>What a radiologist does in Chromium: sign in, open a scan, label with the keyboard, find it after a restart.</summary>
[Collection(BrowserCollection.Name)]
public class LabelSliceInBrowserTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    [SkippableFact]
    public async Task Rater_LabelsASliceWithTheKeyboard_LabelSurvivesARestart()
    {
        ChromiumBrowser.SkipIfUnavailable();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await BrowserSignIn.SignInAsync(context, server, "rater1");

        await page.Locator("[data-testid=scan-table] a", new() { HasText = "Open" }).First.ClickAsync();
        // The page is prerendered first; keys count once the circuit is live.
        var viewer = page.Locator("[data-testid=viewer][data-ready=true]");
        await viewer.WaitForAsync();
        await page.WaitForFunctionAsync(ViewerPage.SlicePainted);
        var before = await page.Locator("[data-testid=current-label]").GetAttributeAsync("data-label");
        // Pick a class different from the simulated rater's demo read, so the test sees a real change.
        var (key, expected) = before == "blend_sign" ? ("2", "normal_ich") : ("3", "blend_sign");

        await viewer.FocusAsync();
        await page.Keyboard.PressAsync(key);
        await page.Locator("[data-testid=slice-position]", new() { HasText = "Slice 2 of" }).WaitForAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Locator($"[data-testid=current-label][data-label={expected}]").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "viewer-labeled.png") });

        await server.RestartAsync();
        await using var afterRestart = await chromium.Browser.NewContextAsync();
        var again = await BrowserSignIn.SignInAsync(afterRestart, server, "rater1");
        await again.Locator("[data-testid=scan-table] a", new() { HasText = "Open" }).First.ClickAsync();
        await again.Locator("[data-testid=viewer][data-ready=true]").WaitForAsync();

        await again.Locator($"[data-testid=current-label][data-label={expected}]").WaitForAsync();
        Assert.Equal(expected, await again.Locator("[data-testid=current-label]").GetAttributeAsync("data-label"));
    }
}
