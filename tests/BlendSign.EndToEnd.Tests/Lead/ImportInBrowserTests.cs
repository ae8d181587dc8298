using System.IO.Compression;
using BlendSign.Data.Demo;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.EndToEnd.Tests.Support;
using BlendSign.Tests.Shared;
using BlendSign.Web.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BlendSign.EndToEnd.Tests.Lead;

/// <summary>A lead uploads scans on /import in Chromium; damaged uploads cannot take the server down under a rater.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportInBrowserTests(ChromiumBrowser chromium, DemoServer server, ITestOutputHelper output)
    : IClassFixture<DemoServer>, IDisposable
{
    // Notes whether a progress bar was ever on the page, however briefly: an import of a few seconds may end between two looks.
    private const string WatchProgress = """
        () => { window.sawProgress = false; new MutationObserver(() => {
            if (document.querySelector('[data-testid=upload-progress], [data-testid=import-progress]')) window.sawProgress = true;
        }).observe(document.body, { childList: true, subtree: true }); }
        """;

    private readonly TempDirectory _temp = new();

    [SkippableFact]
    public async Task Lead_UploadsAZip_SeesTheProgressBarThenFiltersAndDownloadsTheVerdicts()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var zip = MakeZip();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await BrowserSignIn.SignInAsync(context, server, "lead");
        await page.ClickAsync("[data-testid=nav-import]");
        await page.Locator("[data-testid=import-page][data-ready=true]").WaitForAsync();
        await page.EvaluateAsync(WatchProgress);

        await page.SetInputFilesAsync("[data-testid=upload-files]", zip);

        await page.Locator("[data-testid=import-state]", new() { HasText = "done" }).WaitForAsync(new() { Timeout = 120_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sawProgress"), "no progress bar was shown during the upload and import");
        Assert.Equal("123 files: 120 imported, 0 duplicates, 3 rejected; 1 scan with 120 slices.",
            (await page.Locator("[data-testid=import-summary]").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "import-verdicts.png"), FullPage = true });

        await page.ClickAsync("[data-testid=verdict-filter]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "rejected (3)" }).ClickAsync();
        var rows = page.Locator("[data-testid=verdicts] tbody tr");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=verdicts] tbody tr').length === 3");
        var texts = await rows.AllInnerTextsAsync();
        Assert.Contains(texts, t => t.Contains("upload.zip!notes.txt") && t.Contains("not a DICOM file"));
        Assert.Contains(texts, t => t.Contains("upload.zip!../escape.dcm") && t.Contains("climbs out of the archive"));
        Assert.Contains(texts, t => t.Contains("upload.zip!mr/MR_small.dcm") && t.Contains("not CT (modality MR)"));

        var href = await page.GetAttributeAsync("[data-testid=verdicts-csv]", "href");
        var csv = await context.APIRequest.GetAsync(server.BaseUrl + "/" + href);
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file,status,sop_instance_uid,reason", lines[0]);
        Assert.Equal(124, lines.Length);
        Assert.Equal(120, lines.Count(l => l.Contains(",imported,", StringComparison.Ordinal)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(server.DataDirectory, "uploads")));
    }

    [SkippableFact]
    public async Task TwoHundredCodecMutantsUploaded_WhileARaterLabels_ServerStaysUpAndEveryFileAndLabelIsKept()
    {
        ChromiumBrowser.SkipIfUnavailable();
        var mutants = CodecMutants.Write(_temp.Path, 200);
        await using var raterContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } });
        var rater = await BrowserSignIn.SignInAsync(raterContext, server, "rater2");
        await rater.Locator("[data-testid=scan-table] a", new() { HasText = "Open" }).First.ClickAsync();
        var viewer = rater.Locator("[data-testid=viewer][data-ready=true]");
        await viewer.WaitForAsync();
        var scanId = int.Parse(new Uri(rater.Url).Segments[2].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
        await using var leadContext = await chromium.Browser.NewContextAsync();
        var lead = await BrowserSignIn.SignInAsync(leadContext, server, "lead");
        await lead.GotoAsync(server.BaseUrl + "/import");
        await lead.Locator("[data-testid=import-page][data-ready=true]").WaitForAsync();
        await lead.ClickAsync("[data-testid=import-page] .mud-checkbox");

        await lead.SetInputFilesAsync("[data-testid=upload-files]", mutants);
        // The rater labels slice after slice (key 1: no hemorrhage, which moves on) while the import decodes;
        // demo scans have 8 slices or more.
        await viewer.FocusAsync();
        const int labelled = 7;
        for (var slice = 1; slice <= labelled; slice++)
        {
            await rater.Keyboard.PressAsync("1");
            await rater.Locator("[data-testid=slice-position]", new() { HasText = $"Slice {slice + 1} of" }).WaitForAsync();
        }

        await lead.Locator("[data-testid=import-state]", new() { HasText = "done" }).WaitForAsync(new() { Timeout = 300_000 });

        var report = server.Services.GetRequiredService<ImportJobs>().Recent()[0].Report!;
        Assert.Equal(200, report.Files);
        Assert.Equal(mutants.Select(Path.GetFileName), report.Items.Select(i => i.File));
        Assert.All(report.Items, i => Assert.True(i.Status != Data.Import.ImportItemStatus.Rejected || !string.IsNullOrEmpty(i.Reason)));
        var crashed = report.Items.Count(i => i.Reason?.StartsWith("the decoder crashed", StringComparison.Ordinal) == true);
        var hung = report.Items.Count(i => i.Reason?.StartsWith("the decoder hung", StringComparison.Ordinal) == true);
        output.WriteLine($"{crashed} mutants crashed the decoder child, {hung} hung it; {report.Imported} imported, {report.Rejected} rejected");
        Assert.True(crashed + hung > 0, "no mutant took a decoder child down, so the test did not exercise isolation");
        Assert.Equal(200, (await leadContext.APIRequest.GetAsync(server.BaseUrl + "/health")).Status);
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        var saved = await db.Set<SliceLabel>()
            .Where(l => l.Rater.UserName == "rater2" && l.Slice.ScanId == scanId && l.Slice.SliceIndex < labelled)
            .Select(l => l.Label)
            .ToListAsync();
        Assert.Equal(Enumerable.Repeat(HemorrhageClass.NonIch, labelled), saved);
    }

    [SkippableFact]
    public async Task Lead_SearchesAPacsWithAPassword_ImportsTheChosenSeriesWithRetrieveUrlsAsNames()
    {
        ChromiumBrowser.SkipIfUnavailable();
        using var pacs = await OrthancServer.StartAsync("pacs-user", "pacs-Passw0rd");
        await pacs.UploadAsync([PydicomTestFiles.CtSmall, PydicomTestFiles.Require("MR_small.dcm")]);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await BrowserSignIn.SignInAsync(context, server, "lead");
        await page.GotoAsync(server.BaseUrl + "/import");
        await page.Locator("[data-testid=import-page][data-ready=true]").WaitForAsync();
        await page.FillAsync("#pacs-url", pacs.DicomWebRoot.AbsoluteUri);
        await page.FillAsync("#pacs-user", "pacs-user");

        await page.FillAsync("#pacs-password", "not-the-password");
        await page.ClickAsync("[data-testid=pacs-search]");
        await page.Locator("[data-testid=pacs-error]", new() { HasText = "refused the user name and password of pacs-user (HTTP 401)" }).WaitForAsync();

        await page.FillAsync("#pacs-password", "pacs-Passw0rd");
        await page.ClickAsync("[data-testid=pacs-search]");
        // Without "vouch for other modalities" the search asks the PACS for CT only: the MR series is not offered.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=pacs-series] tbody tr').length === 1");
        Assert.Contains("CT", await page.Locator("[data-testid=pacs-series] tbody tr").InnerTextAsync());
        await page.ClickAsync("[data-testid=pacs-import]");

        await page.Locator("[data-testid=import-state]", new() { HasText = "done" }).WaitForAsync(new() { Timeout = 60_000 });
        Assert.StartsWith("1 file: 1 imported, 0 duplicates, 0 rejected", (await page.Locator("[data-testid=import-summary]").InnerTextAsync()).Trim());
        Assert.StartsWith(pacs.DicomWebRoot + "/studies/", await page.Locator("[data-testid=verdicts] tbody td").First.InnerTextAsync());
        Assert.DoesNotContain("CompressedSamples", await page.ContentAsync()); // the patient's name, which QIDO-RS returns, is never shown
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A 120-slice phantom scan, a text file, an entry that climbs out and an MR slice, stored uncompressed.</summary>
    private string MakeZip()
    {
        var scan = server.Services.GetRequiredService<DemoGenerator>()
            .Generate(1, seed: 7001, _temp.Combine("scan"), shape: new PhantomOptions { MinSlices = 120, MaxSlices = 120 });
        var zip = _temp.Combine("upload.zip");
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var file in scan.Files)
        {
            archive.CreateEntryFromFile(file, "scan/" + Path.GetFileName(file), CompressionLevel.NoCompression);
        }

        using (var notes = new StreamWriter(archive.CreateEntry("notes.txt").Open()))
        {
            notes.Write("scanned on the night shift");
        }

        archive.CreateEntryFromFile(PydicomTestFiles.CtSmall, "../escape.dcm");
        archive.CreateEntryFromFile(PydicomTestFiles.Require("MR_small.dcm"), "mr/MR_small.dcm");
        return zip;
    }
}
