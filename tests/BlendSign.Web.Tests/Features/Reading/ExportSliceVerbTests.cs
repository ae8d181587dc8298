using System.Buffers.Binary;
using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;

namespace BlendSign.Web.Tests.Features.Reading;

public sealed class ExportSliceVerbTests : IDisposable
{
    private const string Sop = "1.2.276.0.7230010.3.1.4.296485376.1.1521714567.2079632";
    private readonly CliRunner _cli = new();
    private readonly TempDirectory _temp = new();

    [SkippableFact]
    public async Task ExportSlice_Npy_WritesHuAsInt16AtOriginalSize()
    {
        await ImportCq500SliceAsync();
        var target = _temp.Combine("slice.npy");

        var (exitCode, output, _) = await _cli.RunAsync("export-slice", "--sop", Sop, "--format", "npy", "--out", target);

        Assert.Equal(0, exitCode);
        Assert.Contains("512x512 HU as int16", output);
        var npy = File.ReadAllBytes(target);
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(npy.AsSpan(8));
        var header = System.Text.Encoding.ASCII.GetString(npy, 10, headerLength);
        Assert.StartsWith("{'descr': '<i2', 'fortran_order': False, 'shape': (512, 512), }", header);
        Assert.Equal(10 + headerLength + 512 * 512 * 2, npy.Length);
        // CQ500 stores air as 0 with intercept -1024: the corner pixel is -1024 HU or below.
        Assert.True(BinaryPrimitives.ReadInt16LittleEndian(npy.AsSpan(10 + headerLength)) <= -1000);
    }

    [Fact]
    public async Task ExportSlice_UnknownSop_ExitsOneWithAClearMessage()
    {
        var target = _temp.Combine("none.npy");

        var (exitCode, _, error) = await _cli.RunAsync("export-slice", "--sop", "1.2.3", "--format", "npy", "--out", target);

        Assert.Equal(1, exitCode);
        Assert.Equal("No imported slice has SOP Instance UID 1.2.3.", error.Trim());
        Assert.False(File.Exists(target));
    }

    [SkippableFact]
    public async Task ExportSlice_PngBrainWindow_Writes512GrayPngOfTheSlice()
    {
        await ImportCq500SliceAsync();
        var target = _temp.Combine("slice.png");

        var (exitCode, _, error) = await _cli.RunAsync(
            "export-slice", "--sop", Sop, "--format", "png", "--window", "brain", "--out", target);

        Assert.True(exitCode == 0, error);
        using var bitmap = SkiaSharp.SKBitmap.Decode(target);
        Assert.Equal((512, 512), (bitmap.Width, bitmap.Height));
        var values = Enumerable.Range(0, 512).Select(i => bitmap.GetPixel(i, i)).ToList();
        Assert.All(values, p => Assert.True(p.Red == p.Green && p.Green == p.Blue, "a single window is gray"));
        Assert.Contains(values, p => p.Red is > 0 and < 255);
    }

    [Fact]
    public async Task ExportSlice_UnknownFormat_IsRefusedByTheParser()
    {
        var (exitCode, _, error) = await _cli.RunAsync("export-slice", "--sop", Sop, "--format", "tiff", "--out", _temp.Combine("x"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("tiff", error);
    }

    public void Dispose()
    {
        _cli.Dispose();
        _temp.Dispose();
    }

    private async Task ImportCq500SliceAsync()
    {
        var slice = Path.Combine(SharedData.RequireFolder("cq500-bhx-sample/CQ500-CT-1_series-2.5-5mm"), "CT000000.dcm");
        var (exitCode, _, _) = await _cli.RunAsync("import", slice);
        Assert.Equal(0, exitCode);
    }
}
