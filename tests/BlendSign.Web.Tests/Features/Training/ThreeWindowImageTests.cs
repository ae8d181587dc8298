using BlendSign.Data.Dicom;
using BlendSign.Web.Features.Training;

namespace BlendSign.Web.Tests.Features.Training;

public class ThreeWindowImageTests
{
    private static HuSlice Uniform(int rows, int columns, short hu) =>
        new(rows, columns, Enumerable.Repeat(hu, rows * columns).ToArray(), 1.0, 0.0);

    [Theory]
    [InlineData(40, 0.5f, 0.4f, 0.0f)] // red 20..60, green 0..100, blue 40..80
    [InlineData(60, 1.0f, 0.6f, 0.5f)]
    [InlineData(-1000, 0.0f, 0.0f, 0.0f)]
    [InlineData(1000, 1.0f, 1.0f, 1.0f)]
    public void Render_UniformHu_MapsEachWindowLinearlyAndClamps(short hu, float red, float green, float blue)
    {
        var image = ThreeWindowImage.Render(Uniform(4, 4, hu), 4);

        Assert.Equal(3 * 16, image.Length);
        Assert.All(image[..16], v => Assert.Equal(red, v, 5));
        Assert.All(image[16..32], v => Assert.Equal(green, v, 5));
        Assert.All(image[32..], v => Assert.Equal(blue, v, 5));
    }

    [Fact]
    public void Render_RescaledStoredValues_UsesSlopeAndIntercept()
    {
        var slice = new HuSlice(2, 2, [1064, 1064, 1064, 1064], 1.0, -1024.0); // 40 HU

        var image = ThreeWindowImage.Render(slice, 2);

        Assert.Equal(0.5f, image[0], 5);
    }

    [Fact]
    public void Render_TwoByTwoToFour_InterpolatesWithHalfPixelCentres()
    {
        // Green window (0..100 HU): 0 and 100 HU give 0 and 1. Columns 0 | 1 → output columns 0, 0.25, 0.75, 1.
        var slice = new HuSlice(2, 2, [0, 100, 0, 100], 1.0, 0.0);

        var image = ThreeWindowImage.Render(slice, 4);

        var greenRow = image.AsSpan(16, 4).ToArray();
        Assert.Equal([0f, 0.25f, 0.75f, 1f], greenRow);
    }

    [Fact]
    public void Render_Downscale_GivesRequestedSizeInRange()
    {
        var stored = Enumerable.Range(0, 64 * 48).Select(i => (short)(i % 150)).ToArray();

        var image = ThreeWindowImage.Render(new HuSlice(64, 48, stored, 1.0, 0.0), 32);

        Assert.Equal(3 * 32 * 32, image.Length);
        Assert.All(image, v => Assert.InRange(v, 0f, 1f));
    }
}
