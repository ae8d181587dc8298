using BlendSign.Data.Dicom;
using BlendSign.Data.Rendering;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// The network's input: the study's three CT windows stacked as channels (red level 40 / width 40, green 50 / 100,
/// blue 60 / 40), each HU mapped linearly onto [0,1] across its window and clamped, then resized bilinearly
/// (half-pixel centres, as PyTorch's interpolate without align_corners) to size × size. Planar CHW floats.
/// </summary>
public static class ThreeWindowImage
{
    // The same windows as the viewer's rgb3 view, as floats (no 8-bit quantisation) for the network.
    private static IReadOnlyList<Window> Windows => WindowPresets.Rgb3.Channels;

    public static float[] Render(HuSlice slice, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var pixels = slice.Rows * slice.Columns;
        var windowed = new float[3 * pixels];
        for (var c = 0; c < 3; c++)
        {
            var window = Windows[c];
            var (low, width) = (window.Lower, window.Width);
            var plane = windowed.AsSpan(c * pixels, pixels);
            for (var i = 0; i < pixels; i++)
            {
                plane[i] = (float)Math.Clamp((slice.HuAt(i) - low) / width, 0.0, 1.0);
            }
        }

        if (slice.Rows == size && slice.Columns == size)
        {
            return windowed;
        }

        var output = new float[3 * size * size];
        var (y0, y1, wy) = Taps(slice.Rows, size);
        var (x0, x1, wx) = Taps(slice.Columns, size);
        for (var c = 0; c < 3; c++)
        {
            var source = windowed.AsSpan(c * pixels, pixels);
            var target = output.AsSpan(c * size * size, size * size);
            for (var y = 0; y < size; y++)
            {
                var top = source.Slice(y0[y] * slice.Columns, slice.Columns);
                var bottom = source.Slice(y1[y] * slice.Columns, slice.Columns);
                for (var x = 0; x < size; x++)
                {
                    var upper = top[x0[x]] + (top[x1[x]] - top[x0[x]]) * wx[x];
                    var lower = bottom[x0[x]] + (bottom[x1[x]] - bottom[x0[x]]) * wx[x];
                    target[y * size + x] = upper + (lower - upper) * wy[y];
                }
            }
        }

        return output;
    }

    /// <summary>For each output index, the two source indices and the weight of the second.</summary>
    private static (int[] First, int[] Second, float[] Weight) Taps(int sourceLength, int size)
    {
        var first = new int[size];
        var second = new int[size];
        var weight = new float[size];
        for (var i = 0; i < size; i++)
        {
            (first[i], second[i], var high) = BilinearResampler.Sample(i, sourceLength, size);
            weight[i] = (float)high;
        }

        return (first, second, weight);
    }
}
