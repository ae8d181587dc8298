using BlendSign.Data.Dicom;

namespace BlendSign.Data.Tests.Rendering;

/// <summary>Synthetic HU slices with known stored values.</summary>
internal static class TestSlices
{
    /// <summary>A slice whose first pixels hold <paramref name="hu"/> (exactly representable under the rescale); the rest is air.</summary>
    public static HuSlice WithHu(IReadOnlyList<double> hu, double slope, double intercept, int rows = 512, int columns = 512)
    {
        var stored = new short[rows * columns];
        stored.AsSpan().Fill((short)Math.Round((-1000 - intercept) / slope));
        for (var i = 0; i < hu.Count; i++)
        {
            stored[i] = ToStored(hu[i], slope, intercept);
        }

        return new HuSlice(rows, columns, stored, slope, intercept);
    }

    public static HuSlice Generate(int rows, int columns, Func<int, int, int> storedAt, double slope = 1, double intercept = 0)
    {
        var stored = new short[rows * columns];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                stored[y * columns + x] = checked((short)storedAt(y, x));
            }
        }

        return new HuSlice(rows, columns, stored, slope, intercept);
    }

    /// <summary>A head-like pattern: air, a skull ring, brain with a hyperdense spot, plus deterministic noise.</summary>
    public static HuSlice Phantom(int rows = 512, int columns = 512, int seed = 7)
    {
        var random = new Random(seed);
        return Generate(rows, columns, (y, x) =>
        {
            var dy = (y - rows / 2.0) / (rows / 2.0);
            var dx = (x - columns / 2.0) / (columns / 2.0);
            var r = Math.Sqrt(dx * dx + dy * dy);
            var hu = r > 0.9 ? -1000 : r > 0.8 ? 1200 : r < 0.2 ? 70 : 35;
            return hu + random.Next(-15, 16) + 1024;
        }, slope: 1, intercept: -1024);
    }

    public static short ToStored(double hu, double slope, double intercept)
    {
        var stored = (hu - intercept) / slope;
        if (stored != Math.Round(stored) || stored is < short.MinValue or > short.MaxValue)
        {
            throw new ArgumentException($"HU {hu} is not a stored value under slope {slope}, intercept {intercept}.");
        }

        return (short)stored;
    }
}
