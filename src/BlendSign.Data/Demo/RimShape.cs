namespace BlendSign.Data.Demo;

// Thickness (pixels) along the arc follows (1 − |u|^edgePower)^profilePower for u in (−1, 1): a subdural crescent is
// long, thin and flat (edge power 4); an epidural lens short, thick and elliptical (edge power 2, profile power ½).
internal sealed class RimShape(
    double centerAngle,
    double halfWidth,
    double maxThickness,
    double edgePower,
    double profilePower) : BleedShape
{
    private const int BoundSamples = 64;

    // The arc shortens a little, and thins, on the smaller end slices.
    private double HalfWidthAt(double size) => halfWidth * (0.6 + 0.4 * size);

    public override PixelRect Bounds(HeadGeometry head, int slice, double size)
    {
        var width = HalfWidthAt(size);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var i = 0; i <= BoundSamples; i++)
        {
            var angle = centerAngle - width + 2 * width * i / BoundSamples;
            var bin = HeadGeometry.BinOf(NormalizeAngle(angle));
            var edge = head.InnerEdgeAt(NormalizeAngle(angle), slice);
            var deepest = edge - maxThickness * size / head.RadiusPixels[bin];
            foreach (var rho in new[] { edge, deepest })
            {
                var (x, y) = head.PointAt(rho, angle);
                minX = Math.Min(minX, x);
                minY = Math.Min(minY, y);
                maxX = Math.Max(maxX, x);
                maxY = Math.Max(maxY, y);
            }
        }

        return PixelRect.Around(minX, minY, maxX, maxY, 3);
    }

    public override bool Contains(HeadGeometry head, int x, int y, float rho, int bin, int slice, double size)
    {
        var angle = Math.Atan2((y - head.CenterY) / head.SemiAxisY, (x - head.CenterX) / head.SemiAxisX);
        var u = Math.Abs(NormalizeAngle(angle - centerAngle)) / HalfWidthAt(size);
        if (u >= 1)
        {
            return false;
        }

        var thickness = maxThickness * size * Math.Pow(1 - Math.Pow(u, edgePower), profilePower);
        return head.DepthPixels(rho, bin, slice) < thickness;
    }

    private static double NormalizeAngle(double angle) => Math.IEEERemainder(angle, 2 * Math.PI);
}
