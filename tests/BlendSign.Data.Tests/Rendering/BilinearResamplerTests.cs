using BlendSign.Data.Rendering;

namespace BlendSign.Data.Tests.Rendering;

public class BilinearResamplerTests
{
    [Fact]
    public void Resample_256RampTo512_InterpolatesBetweenPixelCentres()
    {
        // Stored 4x along each row: output column d samples source (d + 0.5) / 2 − 0.5, i.e. 2d − 1.
        var source = TestSlices.Generate(256, 256, (_, x) => 4 * x);
        var output = new short[512 * 512];

        BilinearResampler.Resample(source.Stored, 256, 256, output, 512, 512);

        Assert.Equal(0, output[0]);        // left of the first centre: clamped to the edge
        Assert.Equal(1, output[1]);
        Assert.Equal(3, output[2]);
        Assert.Equal(199, output[100]);
        Assert.Equal(1019, output[510]);
        Assert.Equal(1020, output[511]);   // right of the last centre: clamped
        Assert.Equal(output.AsSpan(0, 512).ToArray(), output.AsSpan(300 * 512, 512).ToArray()); // rows are all alike
    }

    [Fact]
    public void Resample_300By400PlaneTo512_MatchesThePlaneInsideAndClampsAtTheBorder()
    {
        // Stored = 10·x + 20·y over 300 rows × 400 columns: bilinear reproduces a plane exactly, so
        // output (r, c) = 10·px + 20·py with px = (c + 0.5)·400/512 − 0.5 and py = (r + 0.5)·300/512 − 0.5,
        // rounded half away from zero, each clamped to [0, size − 1].
        var source = TestSlices.Generate(300, 400, (y, x) => 10 * x + 20 * y);
        var output = new short[512 * 512];

        BilinearResampler.Resample(source.Stored, 300, 400, output, 512, 512);

        Assert.Equal(0, output[0]);
        Assert.Equal(7, output[1]);                    // px 0.671875 → 6.71875
        Assert.Equal(1999, output[256]);               // px 199.890625 → 1998.90625
        Assert.Equal(3990, output[511]);               // px 399.1 → clamped to 399
        Assert.Equal(8, output[1 * 512]);              // py 0.37890625 → 7.578125
        Assert.Equal(4995, output[256 * 512 + 256]);   // 1998.90625 + 20 × 149.79296875 = 4994.765625
        Assert.Equal(9970, output[511 * 512 + 511]);   // both clamped: 10 × 399 + 20 × 299
    }

    [Theory]
    [InlineData(256, 256)]
    [InlineData(300, 400)]
    [InlineData(512, 512)]
    [InlineData(1024, 768)]
    public void Render_AnySize_Gives512By512(int rows, int columns)
    {
        var slice = TestSlices.Generate(rows, columns, (y, x) => (x + y) % 100);

        var image = new SliceRenderer(new WindowLutCache()).Render(slice, WindowPresets.Rgb3);

        Assert.Equal((512, 512, 3, 512 * 512 * 3), (image.Width, image.Height, image.Channels, image.Pixels.Length));
    }

    [Fact]
    public void Render_Non512Slice_WindowsTheResampledStoredValues()
    {
        // Identity-like window: byte = HU for 0..255. A 256-wide ramp 0, 2, 4… is resampled first
        // (output column d samples 2 × (d/2 − 0.25) = d − 0.5, rounded half away from zero to d), then windowed.
        var identity = new WindowPreset("identity", new Window(127.5, 255));
        var slice = TestSlices.Generate(256, 256, (_, x) => Math.Min(2 * x, 255));

        var image = new SliceRenderer(new WindowLutCache()).Render(slice, identity);

        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5 }, image.Pixels[..6]);
        Assert.Equal(100, image.Pixels[100]);
    }
}
