using System.Text.Json;
using BlendSign.EndToEnd.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BlendSign.EndToEnd.Tests.Benchmarks;

/// <summary>
/// Benchmarks, not timed tests, on the real 238-slice 0.625 mm CQ500 series: an arrow key to a prefetched slice
/// painted, a window drag's frames per second, and a scroll through the whole series at a held key's repeat rate.
/// Writes artifacts/benchmarks/viewer-tools.json; asserts only that everything was measured.
/// Run alone: <c>dotnet test tests/BlendSign.EndToEnd.Tests --filter Category=Benchmark</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Benchmark")]
public class ViewerToolsBenchmark(ChromiumBrowser chromium, DemoServer server, ITestOutputHelper output) : IClassFixture<DemoServer>
{
    private const int KeyRepeatMs = 33; // a held key repeats at about 30 per second

    // keydown (window, capture phase) -> the next slicepainted, one animation frame and a task later (presented);
    // a key counts as missed when the next one came before its slice was painted.
    private const string Probe = """
        () => {
            const s = window.__scroll = { lags: [], missed: 0, paintMs: [] };
            let start = null;
            const stage = document.querySelector('[data-testid=viewer-stage]');
            window.addEventListener('keydown', e => {
                if (!e.key.startsWith('Arrow')) return;
                if (start !== null) s.missed++;
                start = performance.now();
            }, true);
            stage.addEventListener('slicepainted', e => {
                s.paintMs.push(e.detail.ms);
                if (start === null) return;
                const began = start;
                start = null;
                requestAnimationFrame(() => setTimeout(() => s.lags.push(performance.now() - began), 0));
            });
        }
        """;

    // Returns [seconds, paint ms...] for the paints made while moves arrive at the display's frame rate.
    private const string DragAtFrameRate = """
        async () => {
            const v = document.querySelector('[data-testid=viewer-stage]').sliceView;
            const before = window.__scroll.paintMs.length;
            v.drag = { x: 0, y: 0, level: 40, width: 80, id: 0 };
            const started = performance.now();
            let i = 0;
            await new Promise(done => {
                const step = () => {
                    i++;
                    v.onPointerMove({ clientX: i, clientY: -i / 2, stopImmediatePropagation() {} });
                    if (performance.now() - started < 2000) requestAnimationFrame(step); else done();
                };
                requestAnimationFrame(step);
            });
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
            v.drag = null;
            return [(performance.now() - started) / 1000, ...window.__scroll.paintMs.slice(before)];
        }
        """;

    [SkippableFact]
    public async Task Cq500Series_ArrowKeysWindowDragAndScroll_WritesTheFigures()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var folder = SharedData.RequireFolder("cq500-bhx-sample/CQ500-CT-0_series-4cc-sec-150cc-D3D-on_0.625mm");
        var files = Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal).ToList();
        var scanId = await server.AddDicomScanAsync(files);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await BrowserSignIn.SignInAsync(context, server, "rater1");
        await page.GotoAsync($"{server.BaseUrl}/scans/{scanId}/read?slice=1");
        await ViewerPage.WaitForSliceAsync(page);
        await page.Locator("[data-testid=viewer]").FocusAsync();
        await page.EvaluateAsync(Probe);

        // Arrow keys with the neighbours prefetched: wait for the prefetch before each key.
        var arrow = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            await page.WaitForFunctionAsync("() => { const v = document.querySelector('[data-testid=viewer-stage]').sliceView; return v.loading.size === 0; }");
            await page.Keyboard.PressAsync("ArrowDown");
            await page.WaitForFunctionAsync($"() => window.__scroll.lags.length >= {i + 1}");
        }

        arrow.AddRange(await page.EvaluateAsync<double[]>("() => window.__scroll.lags"));

        // A window drag: a real right-button drag first (Playwright delivers its moves too slowly here to measure a
        // frame rate), then the drag's own move handler fed one move per animation frame for two seconds.
        var from = await ViewerPage.ToScreenAsync(page, 256, 256);
        await ViewerPage.DragAsync(page, from, (from.X + 40, from.Y - 20), MouseButton.Right);
        var drag = await page.EvaluateAsync<double[]>(DragAtFrameRate);
        var dragPaints = drag[1..];
        var dragSeconds = drag[0];

        // The whole series at a held key's rate, from the first slice to the last.
        await page.Keyboard.PressAsync("Home");
        await page.WaitForFunctionAsync(ViewerPage.SlicePainted);
        await page.EvaluateAsync("() => { window.__scroll.lags = []; window.__scroll.missed = 0; }");
        var scrollStarted = DateTime.UtcNow;
        for (var i = 0; i < files.Count - 1; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await Task.Delay(KeyRepeatMs);
        }

        await page.Locator("[data-testid=slice-position]", new() { HasText = $"Slice {files.Count} of {files.Count}" }).WaitForAsync();
        await page.WaitForFunctionAsync(ViewerPage.SlicePainted);
        var scrollSeconds = (DateTime.UtcNow - scrollStarted).TotalSeconds;
        var scrollLags = await page.EvaluateAsync<double[]>("() => window.__scroll.lags");
        var missed = await page.EvaluateAsync<int>("() => window.__scroll.missed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "viewer-cq500-last-slice.png") });

        var result = new
        {
            series_slices = files.Count,
            arrow_to_prefetched_slice_ms = Summary(arrow),
            window_drag = new { frames = dragPaints.Length, seconds = Math.Round(dragSeconds, 2), frames_per_second = Math.Round(dragPaints.Length / dragSeconds, 1), paint_ms = Summary(dragPaints) },
            scroll = new
            {
                keys = files.Count - 1, key_interval_ms = KeyRepeatMs, seconds = Math.Round(scrollSeconds, 2),
                keys_whose_slice_was_not_painted_before_the_next_key = missed, key_to_painted_ms = Summary(scrollLags),
            },
            processors = Environment.ProcessorCount,
            browser = "chromium (headless, Playwright)",
        };
        var folderOut = Directory.CreateDirectory(Path.Combine(SharedData.RepositoryRoot, "artifacts", "benchmarks")).FullName;
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(Path.Combine(folderOut, "viewer-tools.json"), json);
        output.WriteLine(json);

        Assert.Equal(30, arrow.Count);
        Assert.NotEmpty(dragPaints);
    }

    private static object Summary(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return sorted.Length == 0
            ? new { count = 0, median = 0.0, p95 = 0.0, max = 0.0 }
            : new { count = sorted.Length, median = Math.Round(Percentile(0.5), 1), p95 = Math.Round(Percentile(0.95), 1), max = Math.Round(sorted[^1], 1) };
    }
}
