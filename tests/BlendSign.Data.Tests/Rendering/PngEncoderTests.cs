using System.IO.Compression;
using BlendSign.Data.Rendering;
using SkiaSharp;

namespace BlendSign.Data.Tests.Rendering;

public class PngEncoderTests
{
    [Theory]
    [InlineData("None")]
    [InlineData("Sub")]
    [InlineData("Up")]
    public void Encode_RenderedRgb3_DecodesToTheSamePixels(string filter)
    {
        var image = new SliceRenderer(new WindowLutCache()).Render(TestSlices.Phantom(), WindowPresets.Rgb3);

        var png = PngEncoder.Encode(image.Pixels, 512, 512, 3, Enum.Parse<PngFilter>(filter), ZLibCompressionStrategy.Default);

        Assert.Equal(image.Pixels, DecodeRgb(png, 512, 512));
    }

    [Theory]
    [InlineData("None")]
    [InlineData("Sub")]
    [InlineData("Up")]
    public void Encode_RenderedGray_DecodesToTheSamePixels(string filter)
    {
        var image = new SliceRenderer(new WindowLutCache()).Render(TestSlices.Phantom(), WindowPresets.Brain);

        var png = PngEncoder.Encode(image.Pixels, 512, 512, 1, Enum.Parse<PngFilter>(filter), ZLibCompressionStrategy.Default);

        Assert.Equal(image.Pixels, DecodeGray(png, 512, 512));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 5, 3)]
    [InlineData(37, 3, 1)]
    public void Encode_OddSizes_RoundTrips(int width, int height, int channels)
    {
        // Widths that leave a tail after the vectorised filter loop.
        var pixels = new byte[width * height * channels];
        new Random(3).NextBytes(pixels);

        foreach (var filter in new[] { PngFilter.None, PngFilter.Sub, PngFilter.Up })
        {
            var png = PngEncoder.Encode(pixels, width, height, channels, filter, ZLibCompressionStrategy.Default);
            Assert.Equal(pixels, channels == 3 ? DecodeRgb(png, width, height) : DecodeGray(png, width, height));
        }
    }

    [Fact]
    public void RenderPng_Rgb3_IsA512By512TruecolourPngWithRedGreenBlueInOrder()
    {
        var png = new SliceRenderer(new WindowLutCache()).RenderPng(TestSlices.WithHu([30], 1, -1024), WindowPresets.Rgb3);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((512, 512), (bitmap.Width, bitmap.Height));
        Assert.Equal(new SKColor(64, 77, 0), bitmap.GetPixel(0, 0));
        Assert.Equal(2, png[25]); // IHDR colour type: truecolour
    }

    [Fact]
    public void Encode_UnsupportedChannelCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.Encode(new byte[16], 2, 2, 4));
    }

    private static byte[] DecodeRgb(byte[] png, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(png, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.NotNull(bitmap);
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[width * height * 3];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            Assert.Equal(255, rgba[j + 3]);
            (rgb[i], rgb[i + 1], rgb[i + 2]) = (rgba[j], rgba[j + 1], rgba[j + 2]);
        }

        return rgb;
    }

    private static byte[] DecodeGray(byte[] png, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(png, new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        Assert.NotNull(bitmap);
        return bitmap.GetPixelSpan().ToArray();
    }
}
