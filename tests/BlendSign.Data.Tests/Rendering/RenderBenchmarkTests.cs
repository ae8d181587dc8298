using BlendSign.Data.Dicom;
using BlendSign.Data.Rendering;
using BlendSign.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Data.Tests.Rendering;

public class RenderBenchmarkTests
{
    private static readonly DicomSliceReader Reader = new();

    private readonly RenderBenchmark _benchmark = new(Reader, Reader, new SliceRenderer(new WindowLutCache()),
        NullLogger<RenderBenchmark>.Instance);

    [SkippableFact]
    public void Run_RsnaFolder_CountsEveryDicomAsASliceAndTheOtherFilesAsSkipped()
    {
        // 23 DICOMs under dicom/, and four text files (manifest, licence, readmes) beside them.
        var folder = SharedData.RequireFolder("rsna-ich-dicom-unlabeled");

        var result = _benchmark.Run([folder]);

        Assert.Equal(23, result.Slices);
        Assert.Equal(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() - 23, result.Skipped);
        Assert.True(result.Seconds > 0);
        Assert.Equal(result.Slices / result.Seconds, result.SlicesPerSecond, 6);
        Assert.True(result.PngBytes > 0);
    }

    [SkippableFact]
    public void Run_JpegLosslessSeriesAndASingleFile_CountsBoth()
    {
        var series = SharedData.RequireFolder("cq500-bhx-sample/CQ500-CT-0_series-4cc-sec-150cc-D3D-on_0.625mm");
        var single = Path.Combine(SharedData.RequireFolder("cq500-bhx-sample/CQ500-CT-1_series-2.5-5mm"), "CT000000.dcm");

        var result = _benchmark.Run([series, single], threads: 2);

        Assert.Equal((239, 0, 2), (result.Slices, result.Skipped, result.Threads));
    }

    [Fact]
    public void Run_MissingPath_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => _benchmark.Run(["/no/such/folder/anywhere"]));
    }
}
