using System.Globalization;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>The viewer as a test drives it: wait until the current slice is painted, and point at slice pixels.</summary>
public static class ViewerPage
{
    /// <summary>True once slice-view.js has painted the slice .NET says is current.</summary>
    public const string SlicePainted =
        "() => { const c = document.querySelector('[data-testid=viewer-canvas]'); return !!c && c.dataset.shownIndex === c.dataset.sliceIndex; }";

    /// <summary>The red channel of the canvas as base64 (every pixel), and whether green and blue equal it everywhere.</summary>
    public const string ReadCanvas = """
        () => {
            const c = document.querySelector('[data-testid=slice-canvas]');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            const red = new Uint8Array(c.width * c.height);
            let gray = true;
            for (let i = 0; i < red.length; i++) { red[i] = d[i * 4]; gray = gray && d[i * 4 + 1] === red[i] && d[i * 4 + 2] === red[i]; }
            let s = '';
            for (let i = 0; i < red.length; i += 8192) s += String.fromCharCode(...red.subarray(i, i + 8192));
            return [btoa(s), String(gray)];
        }
        """;

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

    /// <summary>A right-drag from the image's centre; returns the stage's window text once the dragged window is painted.</summary>
    public static async Task<string> DragWindowAsync(IPage page)
    {
        var from = await ToScreenAsync(page, 256, 256);
        await DragAsync(page, from, (from.X + 60, from.Y - 25), MouseButton.Right);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=overlay-window]').textContent.startsWith('W ')");
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-testid=viewer-stage]').sliceView.frame");
        return (await page.Locator("[data-testid=viewer-stage]").GetAttributeAsync("data-window"))!;
    }

    /// <summary>Points at slice pixel (<paramref name="column"/>, <paramref name="row"/>) and returns the HU the readout shows there.</summary>
    public static async Task<double> HuUnderPointerAsync(IPage page, int column, int row)
    {
        var point = await PixelCenterAsync(page, column, row);
        await page.Mouse.MoveAsync(point.X, point.Y);
        var readout = page.Locator("[data-testid=hu-readout]");
        await Assertions.Expect(readout).ToHaveAttributeAsync("data-column", column.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(readout).ToHaveAttributeAsync("data-row", row.ToString(CultureInfo.InvariantCulture));
        return double.Parse((await readout.GetAttributeAsync("data-hu"))!, CultureInfo.InvariantCulture);
    }
}
