using BlendSign.Data.Demo;
using BlendSign.Data.Dicom;
using BlendSign.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Data.Tests.Demo;

public class DemoGeneratorTests
{
    private readonly DemoGenerator _generator = new(NullLogger<DemoGenerator>.Instance);

    [Fact]
    public void Generate_ThreeScans_WritesReadableSeriesAndThreeReadsPerSlice()
    {
        using var temp = new TempDirectory();

        var demo = _generator.Generate(3, seed: 4, temp.Path);

        Assert.Equal(3, demo.Scans.Count);
        Assert.Equal(["scan-0001", "scan-0002", "scan-0003"], demo.Scans.Select(s => Path.GetFileName(s.Folder)));
        var reader = new DicomSliceReader();
        foreach (var scan in demo.Scans)
        {
            Assert.Equal(scan.Slices.Count, Directory.GetFiles(scan.Folder, "*.dcm").Length);
            foreach (var slice in scan.Slices)
            {
                var header = reader.Read(slice.FilePath).Slice!.Header;
                Assert.Equal(slice.SopInstanceUid, header.SopInstanceUid);
                Assert.Equal(scan.SeriesInstanceUid, header.SeriesInstanceUid);
                Assert.Equal(scan.StudyInstanceUid, header.StudyInstanceUid);
                Assert.Equal(slice.SliceIndex + 1, header.InstanceNumber);
            }
        }

        var slices = demo.Slices.ToList();
        Assert.Equal(slices.Count, slices.Select(s => s.SopInstanceUid).Distinct().Count());
        Assert.Equal(3 * slices.Count, demo.Reads.Count);
        Assert.All(demo.Raters, rater =>
            Assert.Equal(slices.Select(s => s.SopInstanceUid).Order(), demo.Reads.Where(r => r.Rater == rater.UserName).Select(r => r.SopInstanceUid).Order()));
        Assert.Equal(slices.Count, demo.TrueClassCounts.Values.Sum());
    }

    [Fact]
    public void Generate_SameSeedTwice_SameTruthAndReadsWithFreshUids()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var a = _generator.Generate(2, seed: 8, first.Path);
        var b = _generator.Generate(2, seed: 8, second.Path);

        Assert.Equal(a.Slices.Select(s => (s.ScanNumber, s.SliceIndex, s.TrueClass)), b.Slices.Select(s => (s.ScanNumber, s.SliceIndex, s.TrueClass)));
        Assert.Equal(a.Reads.Select(r => (r.Rater, r.Label, r.Boxes.Count)), b.Reads.Select(r => (r.Rater, r.Label, r.Boxes.Count)));
        Assert.Empty(a.Slices.Select(s => s.SopInstanceUid).Intersect(b.Slices.Select(s => s.SopInstanceUid)));
        var reader = new DicomSliceReader();
        Assert.Equal(reader.Read(a.Files[3]).Slice!.Pixels.Stored, reader.Read(b.Files[3]).Slice!.Pixels.Stored);
    }
}
