namespace BlendSign.Data.Rendering;

// Pixel centres aligned (PIL's and OpenCV's INTER_LINEAR convention): output pixel d samples source coordinate
// (d + 0.5) × source/target − 0.5, clamped to the edge pixels; results round to the nearest stored value, ties away from zero.
public static class BilinearResampler
{
    public static void Resample(ReadOnlySpan<short> source, int sourceRows, int sourceColumns,
        Span<short> destination, int rows, int columns)
    {
        if (source.Length < sourceRows * sourceColumns || destination.Length < rows * columns)
        {
            throw new ArgumentException("Source or destination is smaller than its dimensions.");
        }

        // Column weights are the same for every row: compute them once (a few KiB on the stack).
        Span<int> left = stackalloc int[columns];
        Span<int> right = stackalloc int[columns];
        Span<double> rightWeight = stackalloc double[columns];
        for (var x = 0; x < columns; x++)
        {
            (left[x], right[x], rightWeight[x]) = Sample(x, sourceColumns, columns);
        }

        for (var y = 0; y < rows; y++)
        {
            var (top, bottom, bottomWeight) = Sample(y, sourceRows, rows);
            var topRow = source.Slice(top * sourceColumns, sourceColumns);
            var bottomRow = source.Slice(bottom * sourceColumns, sourceColumns);
            var output = destination.Slice(y * columns, columns);
            for (var x = 0; x < columns; x++)
            {
                var w = rightWeight[x];
                var upper = topRow[left[x]] + (topRow[right[x]] - topRow[left[x]]) * w;
                var lower = bottomRow[left[x]] + (bottomRow[right[x]] - bottomRow[left[x]]) * w;
                var value = upper + (lower - upper) * bottomWeight;
                output[x] = (short)Math.Round(value, MidpointRounding.AwayFromZero);
            }
        }
    }

    // Also the network input's resize (Web's ThreeWindowImage), so the viewer and the model sample the same points.
    public static (int Low, int High, double HighWeight) Sample(int target, int sourceSize, int targetSize)
    {
        var position = (target + 0.5) * sourceSize / targetSize - 0.5;
        if (position <= 0)
        {
            return (0, 0, 0);
        }

        if (position >= sourceSize - 1)
        {
            return (sourceSize - 1, sourceSize - 1, 0);
        }

        var low = (int)position;
        return (low, low + 1, position - low);
    }
}
