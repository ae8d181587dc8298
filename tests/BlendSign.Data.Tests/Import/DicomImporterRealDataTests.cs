using BlendSign.Data.Import;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Import;

public class DicomImporterRealDataTests
{
    [SkippableFact]
    public async Task ImportAsync_Cq500SeriesAndSingleSlice_ImportsTwoScansOrderedByPosition()
    {
        var series = SharedData.RequireFolder(RealData.Cq500Series);
        using var harness = new ImportHarness();

        var report = await harness.ImportAsync(series, RealData.Cq500SingleFile);

        Assert.Equal((239, 239, 0, 0), (report.Files, report.Imported, report.Duplicates, report.Rejected));
        Assert.Equal((2, 239), (report.Scans, report.Slices));
        Assert.All(report.Items, i => Assert.Equal(ImportItemStatus.Imported, i.Status));
        await using var db = harness.Database.CreateDbContext();
        var scans = await db.Scans.Include(s => s.Slices).OrderBy(s => s.PseudonymousId).ToListAsync();
        Assert.Equal(["SCAN-0001", "SCAN-0002"], scans.Select(s => s.PseudonymousId));
        var thin = scans.Single(s => s.Slices.Count == 238);
        var ordered = thin.Slices.OrderBy(s => s.SliceIndex).ToList();
        Assert.Equal(Enumerable.Range(0, 238), ordered.Select(s => s.SliceIndex));
        Assert.All(ordered, s => Assert.NotNull(s.Position));
        Assert.True(ordered.Zip(ordered.Skip(1)).All(p => p.First.Position < p.Second.Position),
            "slice index must follow the position along the slice normal");
        // The file names do not follow the position: the lowest slice (z -12.9 mm) is CT000238.dcm.
        var lowest = report.Items.Single(i => i.File.EndsWith("CT000238.dcm", StringComparison.Ordinal)).SopInstanceUid;
        Assert.Equal(lowest, ordered[0].SopInstanceUid);
        Assert.Equal("CT", thin.Modality);
        Assert.Equal("1.2.840.10008.1.2.4.70", ordered[0].TransferSyntaxUid);
    }

    [SkippableFact]
    public async Task ImportAsync_CtIchWithAssumeCt_SecondaryCapturesRefusedUntilTheLeadAcceptsThem_ThenAll26WithoutPositions()
    {
        var images = SharedData.RequireFolder(RealData.CtIchImages);
        using var refusing = new ImportHarness();
        using var harness = new ImportHarness();

        var refused = await refusing.ImportAsync(assumeCt: true, images);
        var report = await harness.ImportAsync(new ImportSettings(AssumeCt: true, AcceptBurnedInAnnotation: true), images);

        // Secondary captures (SOP Class 1.2.840.10008.5.1.4.1.1.7) that do not say BurnedInAnnotation NO.
        Assert.Equal((26, 0, 26), (refused.Files, refused.Imported, refused.Rejected));
        Assert.All(refused.Items, i => Assert.StartsWith("possible burned-in annotation", i.Reason, StringComparison.Ordinal));
        Assert.Equal((26, 26, 0), (report.Files, report.Imported, report.Rejected));
        await using var db = harness.Database.CreateDbContext();
        var slices = await db.Slices.Include(s => s.Scan).ToListAsync();
        Assert.Equal(26, slices.Count);
        Assert.All(slices, s =>
        {
            Assert.Null(s.Position);
            Assert.Equal(0, s.SliceIndex);
            Assert.Equal("OT", s.Scan.Modality);
        });
    }

    [SkippableFact]
    public async Task ImportAsync_CtIchWithoutAssumeCt_RejectsAllAsNotCtAndLeavesNothing()
    {
        var images = SharedData.RequireFolder(RealData.CtIchImages);
        using var harness = new ImportHarness();

        var report = await harness.ImportAsync(images);

        Assert.Equal((26, 0, 26), (report.Files, report.Imported, report.Rejected));
        Assert.All(report.Items, i =>
        {
            Assert.Equal(ImportItemStatus.Rejected, i.Status);
            Assert.StartsWith("not CT (modality OT)", i.Reason);
            Assert.Contains("--assume-ct", i.Reason);
        });
        Assert.Equal((0, 0), await harness.CountRowsAsync());
        Assert.Equal(0, harness.StoreFileCount());
    }

    [SkippableFact]
    public async Task ImportAsync_RsnaFiles_GivesEveryFileAVerdictAndImportsThem()
    {
        var folder = SharedData.RequireFolder(RealData.Rsna);
        using var harness = new ImportHarness();

        var report = await harness.ImportAsync(folder);

        Assert.Equal(23, report.Files);
        Assert.Equal(23, report.Items.Count);
        Assert.Equal(23, report.Imported);
        Assert.All(report.Items, i => Assert.NotNull(i.SopInstanceUid));
        Assert.Equal(23, report.Scans);
    }

    [SkippableFact]
    public async Task ImportAsync_RealFiles_HuEqualsPydicom()
    {
        var expected = PydicomHuHashes.Load();
        var folders = new[] { RealData.Cq500Series, RealData.Cq500Single, RealData.CtIchImages, RealData.Rsna }
            .Select(SharedData.RequireFolder).ToArray();
        using var harness = new ImportHarness();

        var report = await harness.ImportAsync(new ImportSettings(AssumeCt: true, AcceptBurnedInAnnotation: true), folders);

        Assert.Equal(expected.Count, report.Imported);
        foreach (var item in report.Items)
        {
            var entry = expected[RealData.Relative(item.File)];
            var slice = await harness.LoadAsync(item.SopInstanceUid!);
            Assert.Equal((entry.Rows, entry.Columns), (slice.Rows, slice.Columns));
            Assert.True(entry.HuSha256 == HuHash.Of(slice), $"HU of {entry.File} differs from pydicom's");
        }
    }

    [SkippableFact]
    public async Task ImportAsync_SameSeriesAgain_AllDuplicatesAndNothingChanges()
    {
        var series = SharedData.RequireFolder(RealData.Cq500Series);
        using var harness = new ImportHarness();
        await harness.ImportAsync(series);
        var rowsBefore = await harness.CountRowsAsync();
        var storeBefore = harness.StoreFileCount();
        var indexBefore = await SliceIndexesAsync(harness);

        var again = await harness.ImportAsync(series);

        Assert.Equal((238, 0, 238, 0), (again.Files, again.Imported, again.Duplicates, again.Rejected));
        Assert.Equal((1, 238), (again.Scans, again.Slices));
        Assert.All(again.Items, i => Assert.Equal(ImportItemStatus.Duplicate, i.Status));
        Assert.Equal(rowsBefore, await harness.CountRowsAsync());
        Assert.Equal(storeBefore, harness.StoreFileCount());
        Assert.Equal(indexBefore, await SliceIndexesAsync(harness));
    }

    [SkippableFact]
    public async Task ImportAsync_SeriesInTwoRuns_RenumbersTheWholeScan()
    {
        var series = SharedData.RequireFolder(RealData.Cq500Series);
        var files = Directory.GetFiles(series).Order(StringComparer.Ordinal).ToArray();
        using var harness = new ImportHarness();
        await harness.ImportAsync(files.Where((_, i) => i % 2 == 0).ToArray());

        var second = await harness.ImportAsync(files.Where((_, i) => i % 2 == 1).ToArray());

        Assert.Equal((119, 1, 238), (second.Imported, second.Scans, second.Slices));
        await using var db = harness.Database.CreateDbContext();
        var ordered = await db.Slices.OrderBy(s => s.SliceIndex).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 238), ordered.Select(s => s.SliceIndex));
        Assert.True(ordered.Zip(ordered.Skip(1)).All(p => p.First.Position < p.Second.Position));
    }

    [SkippableFact]
    public async Task ImportAsync_RealFiles_DatabaseHoldsNoPatientNameOrId()
    {
        var series = SharedData.RequireFolder(RealData.Cq500Series);
        var rsna = SharedData.RequireFolder(RealData.Rsna);
        using var harness = new ImportHarness();

        await harness.ImportAsync(series, rsna);

        var content = await StoredText.ReadAsync(harness.Database);
        Assert.DoesNotContain("CQ500-CT-0", content); // PatientName and PatientID of the series
        Assert.DoesNotContain("ID_ce5f0b6c", content); // PatientID of ID_0000aee4b.dcm
        Assert.Contains("SCAN-0001", content);
    }

    private static async Task<List<(string, int)>> SliceIndexesAsync(ImportHarness harness)
    {
        await using var db = harness.Database.CreateDbContext();
        return (await db.Slices.OrderBy(s => s.SopInstanceUid).Select(s => new { s.SopInstanceUid, s.SliceIndex }).ToListAsync())
            .Select(s => (s.SopInstanceUid, s.SliceIndex)).ToList();
    }
}
