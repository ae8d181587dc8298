using BlendSign.Data.Import;
using BlendSign.Data.Import.DicomWeb;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Import.DicomWeb;

/// <summary>Imports from a real Orthanc (Debian's package, DICOMweb plugin) started for each test.</summary>
public sealed class DicomWebImporterTests
{
    private const string User = "lead";
    private const string Password = "pacs-Passw0rd";

    [Fact]
    public async Task ImportAsync_PydicomCtSlice_ImportedWithTheFileImportsHuAndItsRetrieveUrl()
    {
        using var pacs = await OrthancServer.StartAsync();
        await pacs.UploadAsync([PydicomTestFiles.CtSmall]);
        using var harness = new DicomWebHarness();

        var report = await harness.ImportAsync(DicomWebQuery.Everything(pacs.DicomWebRoot));

        var item = Assert.Single(report.Items);
        Assert.Equal(ImportItemStatus.Imported, item.Status);
        Assert.Equal((1, 1, 1), (report.Imported, report.Scans, report.Slices));
        Assert.StartsWith($"{pacs.DicomWebRoot}/studies/", item.File);
        Assert.EndsWith($"/instances/{item.SopInstanceUid}", item.File);
        await AssertSameHuAsFileImportAsync(harness, [PydicomTestFiles.CtSmall]);
    }

    [SkippableFact]
    public async Task ImportAsync_Cq500SeriesTwice_EveryInstanceImportedWithFileHuThenAllDuplicates()
    {
        var files = Directory.GetFiles(SharedData.RequireFolder(RealData.Cq500Series), "*.dcm");
        using var pacs = await OrthancServer.StartAsync(User, Password);
        await pacs.UploadAsync(files);
        using var harness = new DicomWebHarness();
        var query = DicomWebQuery.Everything(pacs.DicomWebRoot, new DicomWebCredentials(User, Password));

        var first = await harness.ImportAsync(query);
        var second = await harness.ImportAsync(query);

        Assert.Equal(files.Length, first.Files);
        Assert.All(first.Items, i => Assert.Equal(ImportItemStatus.Imported, i.Status));
        Assert.Equal((1, files.Length), (first.Scans, first.Slices));
        Assert.Equal(files.Length, second.Duplicates);
        Assert.All(second.Items, i => Assert.Equal(ImportItemStatus.Duplicate, i.Status));
        Assert.Equal(first.Items.Select(i => i.File), second.Items.Select(i => i.File));
        Assert.Equal((1, files.Length), await harness.Files.CountRowsAsync());
        await AssertSameHuAsFileImportAsync(harness, files);
    }

    [Fact]
    public async Task ImportAsync_WrongPassword_RefusedClearlyAndNothingImported()
    {
        using var pacs = await OrthancServer.StartAsync(User, Password);
        await pacs.UploadAsync([PydicomTestFiles.CtSmall]);
        using var harness = new DicomWebHarness();

        var wrong = await Assert.ThrowsAsync<DicomWebException>(() =>
            harness.ImportAsync(DicomWebQuery.Everything(pacs.DicomWebRoot, new DicomWebCredentials(User, "not-it"))));
        var none = await Assert.ThrowsAsync<DicomWebException>(() =>
            harness.ImportAsync(DicomWebQuery.Everything(pacs.DicomWebRoot)));

        Assert.Equal(DicomWebFailure.Unauthorized, wrong.Failure);
        Assert.Equal($"the PACS refused the user name and password of {User} (HTTP 401)", wrong.Message);
        Assert.DoesNotContain("not-it", wrong.Message);
        Assert.Equal("the PACS asks for a user name and password (HTTP 401)", none.Message);
        Assert.Equal((0, 0), await harness.Files.CountRowsAsync());
        Assert.Equal(0, harness.Files.StoreFileCount());
    }

    [SkippableFact]
    public async Task ImportAsync_PacsStoppedMidSeries_EveryInstanceGetsAVerdictAndNoScanIsHalfImported()
    {
        var files = Directory.GetFiles(SharedData.RequireFolder(RealData.Cq500Series), "*.dcm");
        using var pacs = await OrthancServer.StartAsync();
        await pacs.UploadAsync([PydicomTestFiles.CtSmall, .. files]);
        using var harness = new DicomWebHarness();
        var retrievals = 0;
        harness.BeforeRequest = address =>
        {
            // Mid-way through the big series: earlier instances of it are already on disk here.
            if (address.AbsolutePath.Contains("/instances/") && Interlocked.Increment(ref retrievals) == 120)
            {
                pacs.Stop();
            }
        };

        var report = await harness.ImportAsync(DicomWebQuery.Everything(pacs.DicomWebRoot));

        var rejected = report.Items.Where(i => i.Status == ImportItemStatus.Rejected).ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, i => Assert.Contains("run the import again", i.Reason));
        Assert.Contains(rejected, i => i.Reason!.Contains("of 238 instances of this series were retrieved"));
        await using var db = harness.Files.Database.CreateDbContext();
        var sliceCounts = await db.Scans.Select(s => s.Slices.Count).ToListAsync();
        Assert.DoesNotContain(sliceCounts, count => count is > 1 and < 238);
        Assert.Equal(report.Imported, sliceCounts.Sum());
        Assert.Equal(report.Imported, harness.Files.StoreFileCount());
        Assert.Equal(report.Files, report.Imported + report.Rejected);
    }

    [Fact]
    public async Task ImportAsync_NotCtSeries_OneVerdictForTheSeriesUnlessAssumeCt()
    {
        using var pacs = await OrthancServer.StartAsync();
        await pacs.UploadAsync([PydicomTestFiles.Require("MR_small.dcm")]);
        using var harness = new DicomWebHarness();
        var series = await harness.Importer.CreateClient(pacs.DicomWebRoot, null)
            .SearchSeriesAsync(DicomWebQuery.Everything(pacs.DicomWebRoot), ctOnly: false, CancellationToken.None);
        var query = new DicomWebQuery(pacs.DicomWebRoot, [], [Assert.Single(series).SeriesInstanceUid]);

        var report = await harness.ImportAsync(query);

        var item = Assert.Single(report.Items);
        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.StartsWith("series not imported: not CT (modality MR)", item.Reason);
        Assert.DoesNotContain("/instances/", item.File);
    }

    [Fact]
    public async Task SearchSeriesAsync_StudyAndSinceFilters_KeepOnlyWhatTheyName()
    {
        using var pacs = await OrthancServer.StartAsync();
        await pacs.UploadAsync([PydicomTestFiles.CtSmall, PydicomTestFiles.Require("MR_small.dcm")]);
        using var harness = new DicomWebHarness();
        var client = harness.Importer.CreateClient(pacs.DicomWebRoot, null);
        var all = await client.SearchSeriesAsync(DicomWebQuery.Everything(pacs.DicomWebRoot), ctOnly: false, CancellationToken.None);
        var ct = Assert.Single(all, s => s.Modality == "CT");

        var byStudy = await client.SearchSeriesAsync(
            new DicomWebQuery(pacs.DicomWebRoot, [ct.StudyInstanceUid], []), ctOnly: false, CancellationToken.None);
        var ctOnly = await client.SearchSeriesAsync(DicomWebQuery.Everything(pacs.DicomWebRoot), ctOnly: true, CancellationToken.None);
        var afterStudy = await client.SearchSeriesAsync(
            new DicomWebQuery(pacs.DicomWebRoot, [], [], ct.StudyDate!.Value.AddDays(1)), ctOnly: false, CancellationToken.None);

        Assert.Equal(2, all.Count);
        Assert.Equal(ct, Assert.Single(byStudy));
        Assert.Equal(ct, Assert.Single(ctOnly));
        Assert.Equal(1, ct.Instances);
        Assert.DoesNotContain(afterStudy, s => s.SeriesInstanceUid == ct.SeriesInstanceUid);
    }

    private static async Task AssertSameHuAsFileImportAsync(DicomWebHarness harness, IReadOnlyList<string> files)
    {
        using var fileImport = new ImportHarness();
        var report = await fileImport.ImportAsync([.. files]);
        foreach (var sop in report.Items.Select(i => i.SopInstanceUid!))
        {
            Assert.Equal(HuHash.Of(await fileImport.LoadAsync(sop)), HuHash.Of(await harness.Files.LoadAsync(sop)));
        }
    }
}
