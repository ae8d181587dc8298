using BlendSign.Data.Export;
using BlendSign.Data.Import;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Export;

public class SliceExporterTests
{
    [SkippableFact]
    public async Task ExportNpyAsync_ImportedRealSlices_ValuesEqualPydicomHu()
    {
        var expected = PydicomHuHashes.Load();
        var files = new[]
        {
            RealData.Cq500SingleFile,
            RealData.Cq500JpegFile,
            Path.Combine(SharedData.RequireFolder(RealData.CtIchImages), "049_21.dcm"),
            Path.Combine(SharedData.RequireFolder(RealData.Rsna), "ID_0000aee4b.dcm"), // unsigned 12-bit
            Path.Combine(SharedData.RequireFolder(RealData.Rsna), "ID_000aa2bce.dcm"), // intercept 0, values to -3024
        };
        using var harness = new ImportHarness();
        var report = await harness.ImportAsync(new ImportSettings(AssumeCt: true, AcceptBurnedInAnnotation: true), files);
        var exporter = new SliceExporter(harness.Database, harness.Store);

        foreach (var item in report.Items)
        {
            using var stream = new MemoryStream();
            var type = await exporter.ExportNpyAsync(item.SopInstanceUid!, stream, CancellationToken.None);

            Assert.Equal(NpyDataType.Int16, type);
            var array = NpyReader.Read(stream.ToArray());
            var entry = expected[RealData.Relative(item.File)];
            Assert.Equal((entry.Rows, entry.Columns), (array.Rows, array.Columns));
            Assert.True(entry.HuSha256 == HuHash.Of(array.Values), $"npy of {entry.File} differs from pydicom's HU");
        }
    }

    [Fact]
    public async Task ExportNpyAsync_UnknownSop_ReturnsNullAndWritesNothing()
    {
        using var harness = new ImportHarness();
        var exporter = new SliceExporter(harness.Database, harness.Store);
        using var stream = new MemoryStream();

        var type = await exporter.ExportNpyAsync("1.2.3.4", stream, CancellationToken.None);

        Assert.Null(type);
        Assert.Equal(0, stream.Length);
    }
}
