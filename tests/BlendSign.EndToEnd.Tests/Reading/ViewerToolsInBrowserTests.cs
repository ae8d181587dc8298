using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BlendSign.Data.Demo;
using BlendSign.Data.Dicom;
using BlendSign.Data.Export;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Rendering;
using BlendSign.EndToEnd.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Reading;

/// <summary>
/// The viewer's reading tools in Chromium, checked against the stored HU: the pixels after a window drag, the HU
/// readout against <c>export-slice --format npy</c> on a real CQ500 slice, an ROI against numpy, and the blend-sign
/// helper on the demo's synthetic blend-sign lesion.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ViewerToolsInBrowserTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    [SkippableFact]
    public async Task WindowDrag_RepaintsEveryPixelExactlyAsComputedFromTheHu()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var (scanId, _) = await server.AddUnreadScanAsync(slices: 3, seed: 41);
        var page = await OpenViewerAsync(scanId, slice: 2);
        var hu = await StoredSliceAsync(page);
        var before = await page.EvaluateAsync<string[]>(ViewerPage.ReadCanvas);

        var window = ParseWindow(await ViewerPage.DragWindowAsync(page));
        var after = await page.EvaluateAsync<string[]>(ViewerPage.ReadCanvas);

        Assert.NotEqual((50, 100), ((int)window.Level, (int)window.Width)); // the drag moved the window
        Assert.Equal("true", after[1]);
        var pixels = Convert.FromBase64String(after[0]);
        Assert.Equal(hu.Stored.Length, pixels.Length);
        var wrong = Enumerable.Range(0, pixels.Length).Count(i => pixels[i] != window.ToByte(hu.HuAt(i)));
        Assert.Equal(0, wrong);
        Assert.NotEqual(before[0], after[0]);
    }

    [SkippableFact]
    public async Task HuReadout_OnARealCq500Slice_EqualsExportSliceNpyAtThatPixel()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var file = Path.Combine(SharedData.RequireFolder("cq500-bhx-sample/CQ500-CT-1_series-2.5-5mm"), "CT000000.dcm");
        var scanId = await server.AddDicomScanAsync([file]);
        var page = await OpenViewerAsync(scanId, slice: 1);
        var npy = await ExportNpyAsync(await ShownSopAsync(page));

        foreach (var (column, row) in new[] { (256, 256), (200, 300), (320, 180), (10, 10) })
        {
            var shown = await ViewerPage.HuUnderPointerAsync(page, column, row);
            Assert.Equal(npy.Values[row * npy.Columns + column], shown);
        }
    }

    [SkippableFact]
    public async Task EllipseRoi_MeanSdMinMaxAndArea_EqualNumpyOnTheSameMaskAndPixelSpacing()
    {
        ChromiumBrowser.SkipIfUnavailable();
        Skip.IfNot(PythonHasNumpy(), "python3 with numpy is needed for the reference; skipping.");
        var (scanId, _) = await server.AddUnreadScanAsync(slices: 2, seed: 43);
        var page = await OpenViewerAsync(scanId, slice: 1);
        var sop = await ShownSopAsync(page);

        await page.Keyboard.PressAsync("e");
        await ViewerPage.DragAsync(page, await ViewerPage.ToScreenAsync(page, 180.3, 200.6), await ViewerPage.ToScreenAsync(page, 290.2, 280.4));
        var roi = page.Locator("[data-testid=roi-stats]");
        await roi.WaitForAsync();
        var points = await page.EvaluateAsync<double[]>(
            "() => document.querySelector('[data-testid=viewer-stage]').sliceView.tools.current()[0].points.flatMap(p => [p.x, p.y])");
        var reference = await NumpyEllipseAsync(sop, points);
        var spacing = await PixelSpacingAsync(sop);

        Assert.Equal("ellipse", await roi.GetAttributeAsync("data-kind"));
        Assert.Equal(reference.GetProperty("count").GetInt32(), int.Parse((await roi.GetAttributeAsync("data-pixels"))!, CultureInfo.InvariantCulture));
        Assert.Equal(reference.GetProperty("mean").GetDouble(), Number(await roi.GetAttributeAsync("data-mean")), 9);
        Assert.Equal(reference.GetProperty("sd").GetDouble(), Number(await roi.GetAttributeAsync("data-sd")), 9);
        Assert.Equal(reference.GetProperty("min").GetDouble(), Number(await roi.GetAttributeAsync("data-min")));
        Assert.Equal(reference.GetProperty("max").GetDouble(), Number(await roi.GetAttributeAsync("data-max")));
        Assert.Equal(reference.GetProperty("count").GetInt32() * spacing, Number(await roi.GetAttributeAsync("data-area")), 9);
    }

    [SkippableFact]
    public async Task BlendSignHelper_OnTheDemoLesion_ReportsItsTwoDensitiesAndIsAttachedToTheRead()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var (scanId, truth) = await server.AddBlendSignScanAsync(slices: 8, seed: 47);
        var blend = truth.Slices.First(s => s.TrueBoxes.Any(b => b.ShowsBlendSign));
        var lesion = blend.TrueBoxes.First(b => b.ShowsBlendSign);
        var page = await OpenViewerAsync(scanId, slice: blend.SliceIndex + 1);
        var hu = await StoredSliceAsync(page);
        var hyperdense = FindUniformSquare(hu, lesion, PhantomHu.BlendHyperdense, minimumMean: 68);
        var hypodense = FindUniformSquare(hu, lesion, PhantomHu.BlendHypodense, minimumMean: 42);

        await page.Keyboard.PressAsync("q");
        foreach (var (x, y, size) in new[] { hyperdense, hypodense })
        {
            await ViewerPage.DragAsync(page, await ViewerPage.ToScreenAsync(page, x + 1, y + 1), await ViewerPage.ToScreenAsync(page, x + size - 1, y + size - 1));
        }

        var helper = page.Locator("[data-testid=blend-helper]");
        await helper.WaitForAsync();
        var meanA = Number(await helper.GetAttributeAsync("data-mean-a"));
        var meanB = Number(await helper.GetAttributeAsync("data-mean-b"));
        Assert.InRange(meanA, PhantomHu.BlendHyperdense.Min, PhantomHu.BlendHyperdense.Max);
        Assert.InRange(meanB, PhantomHu.BlendHypodense.Min, PhantomHu.BlendHypodense.Max);
        Assert.Equal(Math.Abs(meanA - meanB), Number(await helper.GetAttributeAsync("data-difference")), 9);
        Assert.Equal("true", await helper.GetAttributeAsync("data-met"));
        Assert.Contains("meets the 18 HU criterion", await helper.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "viewer-blend-sign-helper.png") });

        // Attached to the read: label the slice (the viewer moves on), come back, attach.
        await page.Keyboard.PressAsync("3");
        await page.Locator("[data-testid=slice-position]", new() { HasText = $"Slice {blend.SliceIndex + 2} of" }).WaitForAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Locator("[data-testid=current-label][data-label=blend_sign]").WaitForAsync();
        await page.Keyboard.PressAsync("m");
        await Assertions.Expect(page.Locator("[data-testid=blend-attached]")).ToHaveAttributeAsync("data-met", "true");
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        var read = await db.SliceLabels.SingleAsync(l => l.Slice.SopInstanceUid == blend.SopInstanceUid && l.Rater.UserName == "rater1");
        Assert.Equal(HemorrhageClass.BlendSign, read.Label);
        Assert.Equal(Math.Round(meanA, 1), read.BlendSignRoiMeanA);
        Assert.Equal(Math.Round(meanB, 1), read.BlendSignRoiMeanB);
    }

    private async Task<IPage> OpenViewerAsync(int scanId, int slice)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await BrowserSignIn.SignInAsync(context, server, "rater1");
        await page.GotoAsync($"{server.BaseUrl}/scans/{scanId}/read?slice={slice}");
        await ViewerPage.WaitForSliceAsync(page);
        return page;
    }

    private static async Task<string> ShownSopAsync(IPage page) =>
        (await page.Locator("[data-testid=viewer-canvas]").GetAttributeAsync("data-shown-sop"))!;

    private async Task<HuSlice> StoredSliceAsync(IPage page) =>
        (await server.Services.GetRequiredService<SliceExporter>().FindAsync(await ShownSopAsync(page), CancellationToken.None))!;

    private async Task<double> PixelSpacingAsync(string sop)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        var slice = await db.Slices.SingleAsync(s => s.SopInstanceUid == sop);
        return slice.PixelSpacingRow!.Value * slice.PixelSpacingColumn!.Value;
    }

    /// <summary>What <c>export-slice --sop UID --format npy</c> writes (the verb's exporter and writer), read back.</summary>
    private async Task<(int Columns, double[] Values)> ExportNpyAsync(string sop)
    {
        var path = await WriteNpyAsync(sop);
        var bytes = await File.ReadAllBytesAsync(path);
        var headerLength = BitConverter.ToUInt16(bytes, 8);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
        var shape = header[(header.IndexOf("'shape': (", StringComparison.Ordinal) + 10)..].Split(')')[0].Split(',');
        var columns = int.Parse(shape[1], CultureInfo.InvariantCulture);
        var data = bytes.AsSpan(10 + headerLength);
        double[] values = header.Contains("<i2", StringComparison.Ordinal)
            ? [.. System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(data).ToArray().Select(v => (double)v)]
            : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(data).ToArray();
        return (columns, values);
    }

    private async Task<string> WriteNpyAsync(string sop)
    {
        var slice = await server.Services.GetRequiredService<SliceExporter>().FindAsync(sop, CancellationToken.None);
        var path = Path.Combine(server.DataDirectory, $"{sop}.npy");
        await using var file = File.Create(path);
        NpyWriter.Write(slice!, file);
        return path;
    }

    private async Task<JsonElement> NumpyEllipseAsync(string sop, double[] points)
    {
        const string script = """
            import json, sys
            import numpy as np
            hu = np.load(sys.argv[1]).astype(np.float64)
            ax, ay, bx, by = (float(v) for v in sys.argv[2:6])
            left, right, top, bottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
            cx, cy, rx, ry = (left + right) / 2, (top + bottom) / 2, (right - left) / 2, (bottom - top) / 2
            rows, columns = np.mgrid[0:hu.shape[0], 0:hu.shape[1]]
            mask = ((columns + 0.5 - cx) / rx) ** 2 + ((rows + 0.5 - cy) / ry) ** 2 <= 1
            v = hu[mask]
            print(json.dumps({"count": int(mask.sum()), "mean": float(v.mean()), "sd": float(v.std()), "min": float(v.min()), "max": float(v.max())}))
            """;
        var arguments = new List<string> { "-c", script, await WriteNpyAsync(sop) };
        arguments.AddRange(points.Select(p => p.ToString("R", CultureInfo.InvariantCulture)));
        var output = await RunPythonAsync(arguments);
        return JsonDocument.Parse(output).RootElement;
    }

    private static bool PythonHasNumpy()
    {
        try
        {
            return RunPythonAsync(["-c", "import numpy"]).Wait(TimeSpan.FromSeconds(60));
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    private static async Task<string> RunPythonAsync(IEnumerable<string> arguments)
    {
        // Debian's python3 (where python3-numpy goes) before whichever one PATH finds first.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"python3 failed: {error}");
    }

    /// <summary>The first square (7 or 5 pixels) inside the lesion's box whose every pixel lies in <paramref name="range"/>.</summary>
    private static (int X, int Y, int Size) FindUniformSquare(HuSlice hu, BleedBox box, (int Min, int Max) range, double minimumMean)
    {
        foreach (var size in new[] { 7, 5 })
        {
            for (var y = (int)box.Top; y + size <= (int)box.Bottom; y++)
            {
                for (var x = (int)box.Left; x + size <= (int)box.Right; x++)
                {
                    var values = Enumerable.Range(0, size * size).Select(i => hu.HuAt((y + i / size) * hu.Columns + x + i % size)).ToList();
                    if (values.All(v => v >= range.Min && v <= range.Max) && values.Average() >= minimumMean)
                    {
                        return (x, y, size);
                    }
                }
            }
        }

        throw new InvalidOperationException($"No uniform square in {range} inside the lesion's box.");
    }

    private static Window ParseWindow(string? text)
    {
        var parts = text!.Split(' ');
        return new Window(Number(parts[3]), Number(parts[1])); // "W 160 L 65"
    }

    private static double Number(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);
}
