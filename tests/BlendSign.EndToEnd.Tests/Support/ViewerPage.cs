using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>The viewer as a test drives it: wait until the current slice is painted, and point at slice pixels.</summary>
public static class ViewerPage
{
    /// <summary>True once slice-view.js has painted the slice .NET says is current.</summary>
    public const string SlicePainted =
        "() => { const c = document.querySelector('[data-testid=viewer-canvas]'); return !!c && c.dataset.shownIndex === c.dataset.sliceIndex; }";

    public static async Task WaitForSliceAsync(IPage page)
    {
        // Prerendered first; keys and pointers count once the circuit and the editor are live.
        await page.Locator("[data-testid=viewer][data-ready=true]").WaitForAsync();
        await page.WaitForFunctionAsync(SlicePainted);
    }

    /// <summary>The screen point (CSS pixels) over slice pixel coordinate (<paramref name="x"/>, <paramref name="y"/>) at the present zoom and pan.</summary>
    public static async Task<(float X, float Y)> ToScreenAsync(IPage page, double x, double y)
    {
        var canvas = page.Locator("[data-testid=slice-canvas]");
        var box = (await canvas.BoundingBoxAsync())!;
        var size = await canvas.EvaluateAsync<int[]>("c => [c.width, c.height]");
        return ((float)(box.X + x / size[0] * box.Width), (float)(box.Y + y / size[1] * box.Height));
    }

    /// <summary>The screen point over the center of slice pixel (<paramref name="column"/>, <paramref name="row"/>).</summary>
    public static Task<(float X, float Y)> PixelCenterAsync(IPage page, int column, int row) => ToScreenAsync(page, column + 0.5, row + 0.5);

    public static async Task DragAsync(IPage page, (float X, float Y) from, (float X, float Y) to, MouseButton button = MouseButton.Left)
    {
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync(new() { Button = button });
        await page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = 8 });
        await page.Mouse.UpAsync(new() { Button = button });
    }
}
