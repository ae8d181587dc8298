namespace BlendSign.Data.Demo;

/// <summary>Measures a bleed on a slice exactly as <see cref="PhantomRenderer"/> paints it: its box, centroid and regions.</summary>
internal static class BleedRasterizer
{
    /// <summary>Bleeds smaller than this on a slice are left out of it (not drawn, not labelled).</summary>
    public const int MinimumPixels = 20;

    public static BleedMeasurement? Measure(HeadGeometry head, PhantomBleed bleed, int slice)
    {
        var size = bleed.Slices.SizeAt(slice);
        if (size <= 0)
        {
            return null;
        }

        var rect = bleed.Shape.Bounds(head, slice, size).ClipTo(HeadPhantom.Size);
        int count = 0, hypodense = 0, minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        long sumX = 0, sumY = 0;
        for (var y = rect.Top; y < rect.Bottom; y++)
        {
            for (var x = rect.Left; x < rect.Right; x++)
            {
                head.Locate(x, y, out var rho, out var bin);
                if (!head.InBrain(rho, bin, slice) || !bleed.Shape.Contains(head, x, y, rho, bin, slice, size))
                {
                    continue;
                }

                count++;
                sumX += x;
                sumY += y;
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
                if (bleed.Shape.IsHypodense(x, y, size))
                {
                    hypodense++;
                }
            }
        }

        if (count < MinimumPixels)
        {
            return null;
        }

        var box = new BleedBox(bleed.Id, bleed.Kind, bleed.ShowsBlendSignOn(slice), minX, minY, maxX + 1, maxY + 1,
            (double)sumX / count + 0.5, (double)sumY / count + 0.5, count);
        return new BleedMeasurement(box, (double)hypodense / count);
    }
}

internal sealed record BleedMeasurement(BleedBox Box, double HypodenseFraction);
