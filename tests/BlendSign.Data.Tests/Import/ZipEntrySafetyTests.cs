using System.IO.Compression;
using BlendSign.Data.Import;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Import;

/// <summary>Zip entries that climb out, name absolute paths or inflate over 100:1 are refused with a reason, the rest imported.</summary>
public sealed class ZipEntrySafetyTests : IDisposable
{
    private readonly ImportHarness _harness = new();
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ImportAsync_HostileEntries_RefusedBeforeExtractionAndTheGoodOneImported()
    {
        var zip = _temp.Combine("upload.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(PydicomTestFiles.CtSmall, "scan/CT_small.dcm");
            archive.CreateEntryFromFile(PydicomTestFiles.CtSmall, "../../etc/evil.dcm");
            archive.CreateEntryFromFile(PydicomTestFiles.CtSmall, "/tmp/absolute.dcm");
            archive.CreateEntryFromFile(PydicomTestFiles.CtSmall, "C:/windows/drive.dcm");
            using var bomb = archive.CreateEntry("bomb.dcm", CompressionLevel.SmallestSize).Open();
            bomb.Write(new byte[8 << 20]);
        }

        var report = await _harness.ImportAsync(zip);

        Assert.Equal(
        [
            (zip + "!scan/CT_small.dcm", ImportItemStatus.Imported, (string?)null),
            (zip + "!../../etc/evil.dcm", ImportItemStatus.Rejected, "refused: the zip entry's path climbs out of the archive (..)"),
            (zip + "!/tmp/absolute.dcm", ImportItemStatus.Rejected, "refused: the zip entry has an absolute path"),
            (zip + "!C:/windows/drive.dcm", ImportItemStatus.Rejected, "refused: the zip entry has an absolute path"),
        ], report.Items.Take(4).Select(i => (i.File, i.Status, i.Reason)));
        var bombItem = report.Items[4];
        Assert.Equal(ImportItemStatus.Rejected, bombItem.Status);
        Assert.Matches(@"^refused: the zip entry inflates \d+:1, over 100:1 \(a zip bomb\?\)$", bombItem.Reason);
        Assert.Equal(1, _harness.StoreFileCount());
    }

    public void Dispose()
    {
        _harness.Dispose();
        _temp.Dispose();
    }
}
