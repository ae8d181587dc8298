using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BlendSign.EndToEnd.Tests.Support;
using BlendSign.Web.Features.Reading.Load;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BlendSign.EndToEnd.Tests.Benchmarks;

/// <summary>
/// Benchmark, not a timed test: the lead's, the reviewer's and the raters' pages in Chromium against the built app
/// started as a process of its own on a seeded data directory (scripts/bench-pages.sh seeds the study's size), signed
/// in through the real login. Per page: the first visit after the server started (cold) and the median of the next
/// visits (warm), with 1 user and then with 10 signed-in users at once; the server's RSS after each round. Writes
/// artifacts/benchmarks/pages.md and pages.json. Skipped unless <c>BLENDSIGN_BENCH_DATA</c> names the data directory.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Benchmark")]
public class PagesBenchmark(ChromiumBrowser chromium, ITestOutputHelper output)
{
    // Loaded = the document's load event, the circuit live (data-ready) and no indeterminate progress bar left.
    private const string Loaded = "() => document.querySelector('[data-ready=true]') !== null && document.querySelector('[class*=indeterminate]') === null";
    private const string DocumentMs = "() => { const n = performance.getEntriesByType('navigation')[0]; return n.responseEnd - n.requestStart; }";

    [SkippableFact]
    public async Task StudySizedPages_OneAndTenUsers_WritesColdWarmTimesAndRss()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var settings = PagesBenchmarkSettings.FromEnvironment();
        Skip.If(settings is null, "Set BLENDSIGN_BENCH_DATA to a seeded data directory (scripts/bench-pages.sh does).");

        var port = FreePort();
        await using var server = await AppProcess.StartWebNodeAsync("bench-pages-server", port, new Dictionary<string, string>
        {
            ["BlendSign__DataDirectory"] = settings!.DataDirectory,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }, settings.AppDll);
        await StartupCheckDoneAsync(server);
        var baseUrl = $"http://127.0.0.1:{port}";
        var rows = new List<PageTiming>();
        var memory = new List<(string Moment, ServerMemory? Memory)> { ("after start", ServerMemory.Read(server.Id).Memory) };

        var single = settings.Users.Take(5).ToList();
        foreach (var user in single)
        {
            await using var context = await chromium.Browser.NewContextAsync();
            var page = await SignInAsync(context, baseUrl, user.Name, settings.Password);
            foreach (var path in user.Pages(settings.RunId))
            {
                var visits = new List<Visit>();
                for (var i = 0; i <= settings.WarmVisits; i++)
                {
                    visits.Add(await VisitAsync(page, baseUrl + path));
                }

                rows.Add(PageTiming.Of(1, user.Name, path, visits));
            }
        }

        memory.Add(("1 user, every page", ServerMemory.Read(server.Id).Memory));
        for (var round = 1; round <= 2; round++)
        {
            var results = await Task.WhenAll(settings.Users.Select(user => VisitAllAsync(baseUrl, user, settings)));
            if (round == 1)
            {
                rows.AddRange(results.SelectMany(r => r));
            }

            memory.Add(($"10 users, round {round}", ServerMemory.Read(server.Id).Memory));
        }

        var report = Describe(rows, memory);
        var folder = Directory.CreateDirectory(Path.Combine(BlendSign.Tests.Shared.SharedData.RepositoryRoot, "artifacts", "benchmarks")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "pages.md"), report);
        await File.WriteAllTextAsync(Path.Combine(folder, "pages.json"), JsonSerializer.Serialize(
            new { pages = rows, memory = memory.Select(m => new { moment = m.Moment, rss_mb = m.Memory?.RssMb, peak_rss_mb = m.Memory?.PeakRssMb }) },
            new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine(report);

        Assert.NotEmpty(rows);
        Assert.False(server.HasExited, $"The server exited; see {server.LogPath}.");
    }

    /// <summary>One user of the concurrent round: its own browser context, signed in, each page visited 1 + warm times.</summary>
    private async Task<IReadOnlyList<PageTiming>> VisitAllAsync(string baseUrl, BenchUser user, PagesBenchmarkSettings settings)
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var timings = new List<PageTiming>();
        try
        {
            var page = await SignInAsync(context, baseUrl, user.Name, settings.Password);
            foreach (var path in user.Pages(settings.RunId))
            {
                var visits = new List<Visit>();
                for (var i = 0; i <= settings.WarmVisits; i++)
                {
                    visits.Add(await VisitAsync(page, baseUrl + path));
                }

                timings.Add(PageTiming.Of(settings.Users.Count, user.Name, path, visits));
            }
        }
        catch (TimeoutException timeout)
        {
            // Reported in the table as a failure: at this size a page that does not load in two minutes is a finding.
            output.WriteLine($"{user.Name}: {timeout.Message}");
            timings.Add(new PageTiming(settings.Users.Count, user.Name, "(timed out)", -1, -1, -1, -1));
        }

        return timings;
    }

    /// <summary>The real sign-in form, with the benchmark's patience (the tests' helper waits 30 s for the worklist).</summary>
    private static async Task<IPage> SignInAsync(IBrowserContext context, string baseUrl, string userName, string password)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(baseUrl + "/Account/Login");
        await page.FillAsync("#Input\\.UserName", userName);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    private static async Task<Visit> VisitAsync(IPage page, string url)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
            await page.WaitForFunctionAsync(Loaded, null, new() { Timeout = 120_000, PollingInterval = 10 });
        }
        catch (TimeoutException timeout)
        {
            var shot = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "bench-pages-timeout.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            throw new TimeoutException($"{url} did not load ({shot})", timeout);
        }

        var loaded = watch.Elapsed.TotalMilliseconds;
        return new Visit(loaded, await page.EvaluateAsync<double>(DocumentMs));
    }

    /// <summary>The server checks the CPU's fast path once at start (a minute of CPU here): measured after it, not during.</summary>
    private static async Task StartupCheckDoneAsync(AppProcess server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            using (var log = new StreamReader(new FileStream(server.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
            {
                if ((await log.ReadToEndAsync()).Contains("CPU fast path", StringComparison.Ordinal))
                {
                    return;
                }
            }

            await Task.Delay(1000);
        }
    }

    private static string Describe(IReadOnlyList<PageTiming> rows, IReadOnlyList<(string Moment, ServerMemory? Memory)> memory)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"CPU: {CpuName()}, {Environment.ProcessorCount} cores; Chromium headless");
        text.AppendLine();
        text.AppendLine("| users | user | page | cold load ms | warm load ms (median) | cold document ms | warm document ms (median) |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Users} | {r.User} | {r.Page} | {r.ColdMs:F0} | {r.WarmMs:F0} | {r.ColdDocumentMs:F0} | {r.WarmDocumentMs:F0} |");
        }

        text.AppendLine();
        text.AppendLine("| server memory | RSS MB | peak RSS MB |");
        text.AppendLine("| --- | --- | --- |");
        foreach (var (moment, m) in memory)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {moment} | {m?.RssMb:F0} | {m?.PeakRssMb:F0} |");
        }

        return text.ToString();
    }

    private static string CpuName() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
