using BlendSign.Data.Dicom;
using BlendSign.Data.Rendering;

namespace BlendSign.Web.Features.Review;

/// <summary>Each pixel takes the heatmap's value as both its ramp colour and its opacity (at most 60 %), so cold regions show the slice as it is.</summary>
public static class GradCamOverlay
{
    private const double MaxOpacity = 0.6;

    /// <summary>Columns × Rows × 3 bytes (RGB, row-major).</summary>
    public static byte[] Blend(HuSlice slice, float[] heatmap, int heatSize)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(heatmap.Length, heatSize * heatSize);
        var (width, height) = (slice.Columns, slice.Rows);
        var windows = WindowPresets.Rgb3.Channels;
        var pixels = new byte[width * height * 3];
        var columns = Enumerable.Range(0, width).Select(x => BilinearResampler.Sample(x, heatSize, width)).ToArray();
        for (var y = 0; y < height; y++)
        {
            var (y0, y1, wy) = BilinearResampler.Sample(y, heatSize, height);
            for (var x = 0; x < width; x++)
            {
                var (x0, x1, wx) = columns[x];
                var top = Lerp(heatmap[y0 * heatSize + x0], heatmap[y0 * heatSize + x1], wx);
                var bottom = Lerp(heatmap[y1 * heatSize + x0], heatmap[y1 * heatSize + x1], wx);
                var heat = Math.Clamp(Lerp(top, bottom, wy), 0, 1);
                var (hr, hg, hb) = Ramp(heat);
                var alpha = MaxOpacity * heat;
                var hu = slice.HuAt(y * width + x);
                var offset = (y * width + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    var baseValue = windows[c].ToByte(hu);
                    var heatValue = c switch { 0 => hr, 1 => hg, _ => hb };
                    pixels[offset + c] = (byte)Math.Round(baseValue * (1 - alpha) + heatValue * alpha);
                }
            }
        }

        return pixels;
    }

    public static byte[] Png(HuSlice slice, float[] heatmap, int heatSize) =>
        PngEncoder.Encode(Blend(slice, heatmap, heatSize), slice.Columns, slice.Rows, 3);

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;

    // A "jet"-like ramp: blue (0) → cyan → green → yellow → red (1).
    private static (double R, double G, double B) Ramp(double v) =>
        (255 * Math.Clamp(1.5 - Math.Abs(4 * v - 3), 0, 1),
         255 * Math.Clamp(1.5 - Math.Abs(4 * v - 2), 0, 1),
         255 * Math.Clamp(1.5 - Math.Abs(4 * v - 1), 0, 1));
}
