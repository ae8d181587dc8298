using System.Globalization;
using BlendSign.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Reading;

/// <summary>
/// A radiologist's session in Chromium, as a person works: the next unread scan, five slices labeled with the
/// keyboard, a box drawn with the mouse and its center dragged, everything still there after a reload; then a
/// second radiologist opens the same scan and sees none of it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReadingWorkspaceInBrowserTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    private const int Slices = 10;

    [SkippableFact]
    public async Task Rater_LabelsDrawsAndMovesACenter_ReadSurvivesAReloadAndStaysHiddenFromRater2()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var (scanId, pseudonym) = await server.AddUnreadScanAsync(Slices, seed: 7);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1500, Height = 900 } });
        var page = await BrowserSignIn.SignInAsync(context, server, "rater1");

        // The demo's scans are read already: the next unread scan is the new one.
        var next = page.Locator("[data-testid=next-unread]");
        Assert.Contains(pseudonym, await next.InnerTextAsync());
        await next.ClickAsync();
        await WaitForViewerAsync(page);
        Assert.EndsWith($"/scans/{scanId}/read", page.Url);
        await ExpectPositionAsync(page, 1);

        string[] keys = ["1", "2", "3", "1", "2"];
        foreach (var key in keys)
        {
            await page.Keyboard.PressAsync(key);
        }

        await ExpectPositionAsync(page, 6);
        Assert.Equal(["non_ich", "normal_ich", "blend_sign", "non_ich", "normal_ich", ""], (await ScrubberLabelsAsync(page))[..6]);

        // Slice 2 (normal_ich) gets a box: drag it out, then drag its center somewhere else inside it.
        await page.Locator("[data-testid=scrubber-cell]").Nth(1).ClickAsync();
        await ExpectPositionAsync(page, 2);
        await DragAsync(page, 150, 160, 250, 240);
        var box = page.Locator("[data-testid=box]");
        await box.WaitForAsync();
        await AssertGeometryAsync(box, 150, 160, 250, 240, 200, 200);

        await DragAsync(page, 200, 200, 180, 225);
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=box]')?.dataset.centerX) < 190");
        await AssertGeometryAsync(box, 150, 160, 250, 240, 180, 225);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "viewer-box-and-center.png") });

        // Zoomed in, a box still lands in the slice's own pixels.
        await page.Locator("[data-testid=scrubber-cell]").Nth(2).ClickAsync();
        await page.Keyboard.PressAsync("+");
        await page.Keyboard.PressAsync("+");
        await page.Locator("[data-testid=zoom-level]", new() { HasText = "156%" }).WaitForAsync();
        // Zoomed about the stage's center, slice pixels still map through the image's place on the screen.
        await DragAsync(page, 128, 128, 256, 256);
        var zoomedBox = page.Locator("[data-testid=box]");
        await zoomedBox.WaitForAsync();
        await AssertGeometryAsync(zoomedBox, 128, 128, 256, 256, 192, 192);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "viewer-zoomed-box.png") });

        await page.ReloadAsync();
        await WaitForViewerAsync(page);
        Assert.Equal(["non_ich", "normal_ich", "blend_sign", "non_ich", "normal_ich", ""], (await ScrubberLabelsAsync(page))[..6]);
        await page.Locator("[data-testid=scrubber-cell]").Nth(1).ClickAsync();
        await ExpectPositionAsync(page, 2);
        await AssertGeometryAsync(page.Locator("[data-testid=box]"), 150, 160, 250, 240, 180, 225);
        Assert.Equal("normal_ich", await page.Locator("[data-testid=current-label]").GetAttributeAsync("data-label"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "viewer-after-reload.png") });

        await using var rater2Context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1500, Height = 900 } });
        var rater2 = await BrowserSignIn.SignInAsync(rater2Context, server, "rater2");
        var row = rater2.Locator("[data-testid=scan-table] tr", new() { HasText = pseudonym });
        Assert.Contains($"0 / {Slices} labeled", await row.InnerTextAsync());
        await rater2.GotoAsync($"{server.BaseUrl}/scans/{scanId}/read");
        await WaitForViewerAsync(rater2);
        Assert.All(await ScrubberLabelsAsync(rater2), label => Assert.Equal("", label));
        for (var slice = 0; slice < 3; slice++)
        {
            await rater2.Locator("[data-testid=scrubber-cell]").Nth(slice).ClickAsync();
            await ExpectPositionAsync(rater2, slice + 1);
            Assert.Equal(0, await rater2.Locator("[data-testid=box]").CountAsync());
            Assert.Equal("unlabeled", await rater2.Locator("[data-testid=current-label]").GetAttributeAsync("data-label"));
        }

        await rater2.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "viewer-rater2-blinded.png") });
    }

    private static Task WaitForViewerAsync(IPage page) => ViewerPage.WaitForSliceAsync(page);

    private static Task ExpectPositionAsync(IPage page, int slice) =>
        page.Locator("[data-testid=slice-position]", new() { HasText = $"Slice {slice} of " }).WaitForAsync();

    private static async Task<string[]> ScrubberLabelsAsync(IPage page) =>
        [.. (await page.Locator("[data-testid=scrubber-cell]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.label)"))];

    /// <summary>A drag between two points given in slice pixels.</summary>
    private static async Task DragAsync(IPage page, double fromX, double fromY, double toX, double toY) =>
        await ViewerPage.DragAsync(page, await ViewerPage.ToScreenAsync(page, fromX, fromY), await ViewerPage.ToScreenAsync(page, toX, toY));

    /// <summary>The box's left, top, right, bottom and center in slice pixels, within a pixel (pointer positions are whole CSS pixels).</summary>
    private static async Task AssertGeometryAsync(ILocator box, params double[] expected)
    {
        string[] names = ["data-left", "data-top", "data-right", "data-bottom", "data-center-x", "data-center-y"];
        var actual = new double[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            actual[i] = double.Parse((await box.GetAttributeAsync(names[i]))!, CultureInfo.InvariantCulture);
        }

        Assert.True(expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) <= 1.0),
            $"Expected box {string.Join(", ", expected)}, got {string.Join(", ", actual)}.");
    }
}
