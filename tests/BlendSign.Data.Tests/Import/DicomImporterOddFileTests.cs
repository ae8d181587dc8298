using System.IO.Compression;
using BlendSign.Data.Import;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Import;

/// <summary>Odd files built in a scratch folder from real ones: each gets the right verdict and a rejection leaves nothing.</summary>
public sealed class DicomImporterOddFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ImportHarness _harness = new();

    [SkippableFact]
    public async Task ImportAsync_OtherModality_RejectedNamingModalityAndAssumeCt()
    {
        var mr = _temp.Combine("mr.dcm");
        DicomFileEditor.WithTags(RealData.Cq500SingleFile, mr, (DicomFileEditor.Modality, "MR"));

        var item = await ImportOneAsync(mr);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.Equal("not CT (modality MR); --assume-ct vouches for grayscale slices of another modality that hold CT values", item.Reason);
        await AssertNothingLeftAsync();
    }

    [SkippableFact]
    public async Task ImportAsync_OtherModalityWithAssumeCt_Imported()
    {
        var mr = _temp.Combine("mr.dcm");
        DicomFileEditor.WithTags(RealData.Cq500SingleFile, mr, (DicomFileEditor.Modality, "MR"));

        var report = await _harness.ImportAsync(assumeCt: true, mr);

        Assert.Equal(ImportItemStatus.Imported, Assert.Single(report.Items).Status);
    }

    [SkippableFact]
    public async Task ImportAsync_BigEndianCopy_ImportsTheSameHuAsTheOriginal()
    {
        var original = RealData.Cq500SingleFile;
        var bigEndian = _temp.Combine("big-endian.dcm");
        DicomFileEditor.ToBigEndian(original, bigEndian);
        Assert.Equal(0x7F, FindPixelTagFirstByte(bigEndian));
        var expected = PydicomHuHashes.Load()[RealData.Relative(original)];

        var item = await ImportOneAsync(bigEndian);

        Assert.Equal(ImportItemStatus.Imported, item.Status);
        var slice = await _harness.LoadAsync(item.SopInstanceUid!);
        Assert.Equal(expected.HuSha256, HuHash.Of(slice));
        await using var db = _harness.Database.CreateDbContext();
        Assert.Equal("1.2.840.10008.1.2.2", await db.Slices.Select(s => s.TransferSyntaxUid).SingleAsync());
    }

    [SkippableTheory]
    [InlineData(1000)]
    [InlineData(300_000)]
    public async Task ImportAsync_NativeFileCutInItsPixelData_RejectedAsTruncated(int cut)
    {
        var truncated = _temp.Combine("cut.dcm");
        DicomFileEditor.Truncated(RealData.Cq500SingleFile, truncated, cut);

        var item = await ImportOneAsync(truncated);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.Equal($"truncated pixel data ({524288 - cut} of 524288 bytes present)", item.Reason);
        await AssertNothingLeftAsync();
    }

    [SkippableFact]
    public async Task ImportAsync_JpegFileCutInItsPixelData_RejectedAsTruncated()
    {
        var truncated = _temp.Combine("cut-jpeg.dcm");
        DicomFileEditor.Truncated(RealData.Cq500JpegFile, truncated, (int)new FileInfo(RealData.Cq500JpegFile).Length / 2);

        var item = await ImportOneAsync(truncated);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.StartsWith("truncated pixel data", item.Reason);
        await AssertNothingLeftAsync();
    }

    [SkippableFact]
    public async Task ImportAsync_JpegLabelledAsJpeg2000_RejectedNamingTheTransferSyntax()
    {
        var mislabelled = _temp.Combine("j2k.dcm");
        var bytes = File.ReadAllBytes(RealData.Cq500JpegFile);
        var at = bytes.AsSpan().IndexOf("1.2.840.10008.1.2.4.70"u8);
        "1.2.840.10008.1.2.4.90"u8.CopyTo(bytes.AsSpan(at)); // same length: only the meta header's claim changes
        File.WriteAllBytes(mislabelled, bytes);

        var item = await ImportOneAsync(mislabelled);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.Equal("pixel data could not be decoded (transfer syntax 1.2.840.10008.1.2.4.90)", item.Reason);
        await AssertNothingLeftAsync();
    }

    [SkippableTheory]
    [InlineData(150, "damaged DICOM file (its meta header is cut off or malformed)")]
    [InlineData(400, "damaged DICOM file (the file ends inside an element header)")]
    [InlineData(1490, "damaged DICOM file (an element runs past the end of the file or its sequence)")]
    public async Task ImportAsync_FileCutInItsHeader_RejectedAsDamaged(int keep, string reason)
    {
        var cut = _temp.Combine("header-cut.dcm");
        File.WriteAllBytes(cut, File.ReadAllBytes(RealData.Cq500SingleFile)[..keep]);

        var item = await ImportOneAsync(cut);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.Equal(reason, item.Reason);
    }

    /// <summary>
    /// One-byte changes that made Debian's GDCM abort the process (failed assertion or segfault) before the
    /// reader checked structure first. If a check regresses, the test host dies: the run fails loudly.
    /// </summary>
    [SkippableTheory]
    [InlineData("cq500-jpeg", 1682, 17, "unsupported compressed pixel data (JPEG sample precision 17 bits; 8 to 16 are read)")]
    [InlineData("cq500-jpeg", 1682, 2, "unsupported compressed pixel data (JPEG sample precision 2 bits; 8 to 16 are read)")]
    [InlineData("cq500-jpeg", 1660, 0, "damaged compressed pixel data (malformed JPEG header)")]
    [InlineData("cq500-jpeg", 1663, 8, "damaged compressed pixel data (malformed JFIF segment)")]
    [InlineData("cq500-jpeg", 1669, 2, "damaged compressed pixel data (malformed JFIF segment)")]
    [InlineData("cq500-jpeg", 622, 113, "damaged DICOM file (a sequence item runs past the end of the file or its sequence)")]
    [InlineData("cq500-single", 259, 34, "damaged DICOM file (its meta header is cut off or malformed)")]
    [InlineData("rsna-implicit", 441, 111, "damaged DICOM file (pixel data holds 524288 bytes; 28416 rows × 512 columns need 29097984)")]
    [InlineData("rsna-explicit", 692, 85, "damaged DICOM file (element (0028,1053) has the wrong VR US)")]
    public async Task ImportAsync_ByteChangeThatAbortedGdcm_RejectedWithoutCrashing(string source, int offset, byte value, string reason)
    {
        var original = source switch
        {
            "cq500-jpeg" => RealData.Cq500JpegFile,
            "cq500-single" => RealData.Cq500SingleFile,
            "rsna-implicit" => Path.Combine(SharedData.RequireFolder(RealData.Rsna), "ID_0000aee4b.dcm"),
            _ => Path.Combine(SharedData.RequireFolder(RealData.Rsna), "ID_000a18499.dcm"),
        };
        var changed = _temp.Combine("changed.dcm");
        var bytes = File.ReadAllBytes(original);
        bytes[offset] = value;
        File.WriteAllBytes(changed, bytes);

        var item = await ImportOneAsync(changed);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.Equal(reason, item.Reason);
        await AssertNothingLeftAsync();
    }

    [SkippableFact]
    public async Task ImportAsync_NoPixelData_RejectedAsNoPixelData()
    {
        var noPixels = _temp.Combine("no-pixels.dcm");
        DicomFileEditor.WithoutPixelData(RealData.Cq500SingleFile, noPixels);

        var item = await ImportOneAsync(noPixels);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.Equal("no pixel data (not an image)", item.Reason);
        await AssertNothingLeftAsync();
    }

    [SkippableFact]
    public async Task ImportAsync_MissingSopInstanceUid_RejectedAsMissingUids()
    {
        var noUid = _temp.Combine("no-uid.dcm");
        DicomFileEditor.WithTags(RealData.Cq500SingleFile, noUid, (DicomFileEditor.SopInstanceUid, null));

        var item = await ImportOneAsync(noUid);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.Equal("missing SOP Instance, Study Instance or Series Instance UID", item.Reason);
        await AssertNothingLeftAsync();
    }

    [SkippableFact]
    public async Task ImportAsync_SameSopWithOtherPixels_RejectedAsConflictAndKeepsTheFirst()
    {
        var original = RealData.Cq500SingleFile;
        var altered = _temp.Combine("altered.dcm");
        var bytes = File.ReadAllBytes(original);
        bytes[^2] ^= 0x01; // the last pixel's low byte
        File.WriteAllBytes(altered, bytes);
        await _harness.ImportAsync(original);
        var storeBefore = _harness.StoreFileCount();

        var item = await ImportOneAsync(altered);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.StartsWith("conflict:", item.Reason);
        Assert.NotNull(item.SopInstanceUid);
        Assert.Equal((1, 1), await _harness.CountRowsAsync());
        Assert.Equal(storeBefore, _harness.StoreFileCount());
    }

    [SkippableFact]
    public async Task ImportAsync_SameFileTwiceInOneRun_SecondIsDuplicate()
    {
        var file = RealData.Cq500SingleFile;

        var report = await _harness.ImportAsync(file, file);

        Assert.Equal([ImportItemStatus.Imported, ImportItemStatus.Duplicate], report.Items.Select(i => i.Status));
        Assert.Equal((1, 1), await _harness.CountRowsAsync());
    }

    [SkippableFact]
    public async Task ImportAsync_BirthAndStudyDateWithoutAge_StoresComputedAgeOnly()
    {
        var dated = _temp.Combine("dated.dcm");
        DicomFileEditor.WithTags(RealData.Cq500SingleFile, dated,
            (DicomFileEditor.PatientAge, null), (DicomFileEditor.PatientBirthDate, "19500615"), (DicomFileEditor.StudyDate, "20200614"));

        await _harness.ImportAsync(dated);

        await using var db = _harness.Database.CreateDbContext();
        Assert.Equal(69, await db.Scans.Select(s => s.PatientAgeYears).SingleAsync());
        var content = await StoredText.ReadAsync(_harness.Database);
        Assert.DoesNotContain("19500615", content);
        Assert.DoesNotContain("20200614", content);
    }

    [Fact]
    public async Task ImportAsync_NotDicomEmptyAndMissing_RejectedWithReasonsAndLeavesNothing()
    {
        var text = _temp.Combine("notes.txt");
        File.WriteAllText(text, "this is not a DICOM file");
        var random = _temp.Combine("noise.dcm");
        File.WriteAllBytes(random, RandomBytes(4096));
        var empty = _temp.Combine("empty.dcm");
        File.WriteAllBytes(empty, []);
        var missing = _temp.Combine("missing.dcm");

        var report = await _harness.ImportAsync(text, random, empty, missing);

        Assert.Equal(
            ["not a DICOM file", "not a DICOM file", "empty file (0 bytes)", "file or folder not found"],
            report.Items.Select(i => i.Reason));
        Assert.Equal((4, 4), (report.Files, report.Rejected));
        await AssertNothingLeftAsync();
    }

    [SkippableFact]
    public async Task ImportAsync_ZipWithAMix_GivesEachEntryAVerdictNamedByArchive()
    {
        var zip = _temp.Combine("mix.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(RealData.Cq500SingleFile, "ct/CT000000.dcm");
            archive.CreateEntryFromFile(RealData.Cq500SingleFile, "ct/copy.dcm");
            using (var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open()))
            {
                writer.Write("not an image");
            }

            archive.CreateEntry("empty.dcm");
            archive.CreateEntry("folder/");
            archive.CreateEntryFromFile(RealData.Cq500SingleFile, "broken.dcm");
        }

        MakeEntryUnreadable(zip, "broken.dcm");

        var report = await _harness.ImportAsync(zip);

        Assert.Equal(
        [
            (zip + "!ct/CT000000.dcm", ImportItemStatus.Imported, (string?)null),
            (zip + "!ct/copy.dcm", ImportItemStatus.Duplicate, ImportBatchWriter.DuplicateReason),
            (zip + "!readme.txt", ImportItemStatus.Rejected, "not a DICOM file"),
            (zip + "!empty.dcm", ImportItemStatus.Rejected, "empty file (0 bytes)"),
            (zip + "!broken.dcm", ImportItemStatus.Rejected, "unreadable zip entry (damaged, or compressed with a method that cannot be read here)"),
        ], report.Items.Select(i => (i.File, i.Status, i.Reason)));
        Assert.Equal((1, 1), await _harness.CountRowsAsync());
    }

    [Fact]
    public async Task ImportAsync_FileNamedZipThatIsNot_RejectedAsUnreadableArchive()
    {
        var fake = _temp.Combine("fake.zip");
        File.WriteAllText(fake, "no archive here");

        var item = await ImportOneAsync(fake);

        Assert.Equal(ImportItemStatus.Rejected, item.Status);
        Assert.Equal("not a readable zip archive", item.Reason);
    }

    [SkippableFact]
    public async Task ImportAsync_RejectionsBesideGoodFiles_OnlyTheGoodFilesLeaveRowsAndStoreFiles()
    {
        var mr = _temp.Combine("mr.dcm");
        DicomFileEditor.WithTags(RealData.Cq500SingleFile, mr, (DicomFileEditor.Modality, "MR"));
        var cut = _temp.Combine("cut.dcm");
        DicomFileEditor.Truncated(RealData.Cq500JpegFile, cut, 5000);

        var report = await _harness.ImportAsync(mr, cut, RealData.Cq500JpegFile);

        Assert.Equal((1, 2), (report.Imported, report.Rejected));
        Assert.Equal((1, 1), await _harness.CountRowsAsync());
        Assert.Equal(1, _harness.StoreFileCount());
    }

    public void Dispose()
    {
        _harness.Dispose();
        _temp.Dispose();
    }

    private async Task<ImportItem> ImportOneAsync(string path) => Assert.Single((await _harness.ImportAsync(path)).Items);

    private async Task AssertNothingLeftAsync()
    {
        Assert.Equal((0, 0), await _harness.CountRowsAsync());
        Assert.Equal(0, _harness.StoreFileCount());
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The first byte of the Pixel Data tag as written: 0x7F in big-endian files, 0xE0 in little-endian ones.</summary>
    private static byte FindPixelTagFirstByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> bigEndianTag = [0x7F, 0xE0, 0x00, 0x10];
        var bigEndian = bytes.AsSpan().IndexOf(bigEndianTag);
        return bigEndian >= 0 ? (byte)0x7F : (byte)0xE0;
    }

    /// <summary>Marks the entry as compressed with LZMA (method 14) in both of its headers, which .NET does not read.</summary>
    private static void MakeEntryUnreadable(string zip, string entryName)
    {
        var bytes = File.ReadAllBytes(zip);
        var name = System.Text.Encoding.ASCII.GetBytes(entryName);
        ReadOnlySpan<byte> local = [0x50, 0x4B, 0x03, 0x04];
        ReadOnlySpan<byte> central = [0x50, 0x4B, 0x01, 0x02];
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes.AsSpan(i, 4).SequenceEqual(local) && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                bytes[i + 8] = 14;
                bytes[i + 9] = 0;
            }
            else if (bytes.AsSpan(i, 4).SequenceEqual(central) && bytes.AsSpan(i + 46, Math.Min(name.Length, bytes.Length - i - 46)).SequenceEqual(name))
            {
                bytes[i + 10] = 14;
                bytes[i + 11] = 0;
            }
        }

        File.WriteAllBytes(zip, bytes);
    }
}
