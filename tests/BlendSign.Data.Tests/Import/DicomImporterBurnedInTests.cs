using BlendSign.Data.Import;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Import;

/// <summary>
/// Pixels that may show patient data are not imported unless the lead accepts them for that import (PS3.15 Annex E
/// leaves burned-in text to the pixels); text fields longer than DICOM allows are cut, and the verdict says so.
/// </summary>
public sealed class DicomImporterBurnedInTests : IDisposable
{
    private static readonly gdcm.Tag BurnedInAnnotation = new(0x0028, 0x0301);
    private static readonly gdcm.Tag ImageType = new(0x0008, 0x0008);
    private static readonly gdcm.Tag SopClassUid = new(0x0008, 0x0016);
    private static readonly gdcm.Tag SeriesDescription = new(0x0008, 0x103E);
    private readonly TempDirectory _temp = new();
    private readonly ImportHarness _harness = new();

    [Fact]
    public async Task BurnedInAnnotationYes_RejectedWithItsReason_NothingStored()
    {
        var file = _temp.Combine("burned-in.dcm");
        DicomFileEditor.WithTags(PydicomTestFiles.CtSmall, file, (BurnedInAnnotation, "YES"));

        var item = Assert.Single((await _harness.ImportAsync(file)).Items);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.StartsWith("burned-in annotation: the file says BurnedInAnnotation (0028,0301) YES", item.Reason, StringComparison.Ordinal);
        Assert.EndsWith("a lead may accept such files for one import (--accept-burned-in)", item.Reason, StringComparison.Ordinal);
        Assert.Equal((0, 0), await _harness.CountRowsAsync());
    }

    [Fact]
    public async Task BurnedInAnnotationYes_AcceptedByTheLead_Imported()
    {
        var file = _temp.Combine("burned-in.dcm");
        DicomFileEditor.WithTags(PydicomTestFiles.CtSmall, file, (BurnedInAnnotation, "YES"));

        var item = Assert.Single((await _harness.ImportAsync(new ImportSettings(AcceptBurnedInAnnotation: true), file)).Items);

        Assert.Equal(ImportItemStatus.Imported, item.Status);
    }

    [Theory]
    [InlineData("DERIVED\\SECONDARY\\AXIAL", null, null, false)]
    [InlineData("DERIVED\\SECONDARY\\AXIAL", "NO", null, true)]
    [InlineData("ORIGINAL\\PRIMARY\\AXIAL", null, "1.2.840.10008.5.1.4.1.1.7", false)]
    [InlineData("ORIGINAL\\PRIMARY\\AXIAL", null, null, true)]
    public async Task DerivedOrSecondaryCapture_ImportedOnlyWhenItSaysNo(string imageType, string? burnedIn, string? sopClass, bool imported)
    {
        var file = _temp.Combine("derived.dcm");
        DicomFileEditor.WithTags(PydicomTestFiles.CtSmall, file,
            (ImageType, imageType), (BurnedInAnnotation, burnedIn), (SopClassUid, sopClass ?? "1.2.840.10008.5.1.4.1.1.2"));

        var item = Assert.Single((await _harness.ImportAsync(new ImportSettings(AssumeCt: true), file)).Items);

        Assert.Equal(imported ? ImportItemStatus.Imported : ImportItemStatus.Rejected, item.Status);
    }

    [Fact]
    public async Task SeriesDescriptionOverItsLimit_CutTo64Characters_AndTheVerdictSaysSo()
    {
        var file = _temp.Combine("long.dcm");
        DicomFileEditor.WithTags(PydicomTestFiles.CtSmall, file, (SeriesDescription, new string('x', 60_000)));

        var item = Assert.Single((await _harness.ImportAsync(file)).Items);

        Assert.Equal(ImportItemStatus.Imported, item.Status);
        Assert.Equal("SeriesDescription cut from 60000 to 64 characters", item.Reason);
        await using var db = _harness.Database.CreateDbContext();
        Assert.Equal(new string('x', 64), await db.Scans.Select(s => s.SeriesDescription).SingleAsync());
    }

    public void Dispose()
    {
        _harness.Dispose();
        _temp.Dispose();
    }
}
