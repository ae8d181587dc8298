using BlendSign.Model.Training;

namespace BlendSign.Model.Augmentation;

// Applied about the image centre in unit coordinates u ∈ [0,1]² (as p = 2u − 1): flip, then scale and rotate, then
// shift: p' = R·s·F·p + 2·(shift x, shift y).
public readonly record struct AugmentationParameters(bool Flip, double ShiftX, double ShiftY, double RotationDegrees, double Scale)
{
    public static AugmentationParameters Identity { get; } = new(false, 0, 0, 0, 1);

    public static AugmentationParameters Sample(Random random, AugmentationOptions options) => new(
        random.NextDouble() < options.FlipProbability,
        (random.NextDouble() * 2 - 1) * options.MaxShift,
        (random.NextDouble() * 2 - 1) * options.MaxShift,
        (random.NextDouble() * 2 - 1) * options.MaxRotationDegrees,
        options.MinScale + random.NextDouble() * (options.MaxScale - options.MinScale));

    /// <summary>The forward map in centred coordinates p ∈ [−1,1]²: (a, b, c, d, tx, ty) with p' = [a b; c d]·p + t.</summary>
    public (double A, double B, double C, double D, double Tx, double Ty) Forward()
    {
        var angle = RotationDegrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(angle) * Scale, Math.Sin(angle) * Scale);
        var flip = Flip ? -1.0 : 1.0;
        // y points down in images, so a positive angle turns the picture clockwise on screen.
        return (cos * flip, -sin, sin * flip, cos, 2 * ShiftX, 2 * ShiftY);
    }

    /// <summary>The inverse map (output → input), which grid sampling needs: 2×3 row-major.</summary>
    public float[] InverseTheta()
    {
        var (a, b, c, d, tx, ty) = Forward();
        var det = a * d - b * c;
        var (ia, ib, ic, id) = (d / det, -b / det, -c / det, a / det);
        return [(float)ia, (float)ib, (float)(-(ia * tx + ib * ty)), (float)ic, (float)id, (float)(-(ic * tx + id * ty))];
    }

    /// <summary>Null when less than a quarter of the box stays inside (the lesion left the picture).</summary>
    public UnitBox? Apply(UnitBox box)
    {
        var (a, b, c, d, tx, ty) = Forward();
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (ux, uy) in new[] { (box.Left, box.Top), (box.Right, box.Top), (box.Left, box.Bottom), (box.Right, box.Bottom) })
        {
            var (px, py) = (2 * ux - 1, 2 * uy - 1);
            var (qx, qy) = ((a * px + b * py + tx + 1) / 2, (c * px + d * py + ty + 1) / 2);
            (minX, maxX, minY, maxY) = (Math.Min(minX, qx), Math.Max(maxX, qx), Math.Min(minY, qy), Math.Max(maxY, qy));
        }

        var moved = new UnitBox(minX, minY, maxX, maxY);
        var clipped = new UnitBox(Math.Clamp(minX, 0, 1), Math.Clamp(minY, 0, 1), Math.Clamp(maxX, 0, 1), Math.Clamp(maxY, 0, 1));
        var area = moved.Width * moved.Height;
        return area <= 0 || clipped.Width * clipped.Height < area / 4 ? null : clipped;
    }
}
