namespace BlendSign.Data.Demo;

// A rotated ellipse with a wobbly outline (2nd and 3rd harmonics of its radius): intraparenchymal hematomas and
// ventricles. A blend-sign hematoma adds a curved divider: the part beyond it is hypodense.
internal sealed class BlobShape(
    double centerX,
    double centerY,
    double radiusX,
    double radiusY,
    double rotation,
    (double Amplitude, double Phase) second,
    (double Amplitude, double Phase) third,
    BlendDivider? divider = null) : BleedShape
{
    private readonly double _cos = Math.Cos(rotation);
    private readonly double _sin = Math.Sin(rotation);
    private readonly double _outerLimit = 1 + Math.Abs(second.Amplitude) + Math.Abs(third.Amplitude);
    private readonly double _innerLimit = 1 - Math.Abs(second.Amplitude) - Math.Abs(third.Amplitude);

    public double CenterX => centerX;
    public double CenterY => centerY;
    public double MeanRadius => (radiusX + radiusY) / 2;

    public override PixelRect Bounds(HeadGeometry head, int slice, double size)
    {
        var reach = Math.Max(radiusX, radiusY) * size * _outerLimit;
        return PixelRect.Around(centerX - reach, centerY - reach, centerX + reach, centerY + reach, 1);
    }

    public override bool Contains(HeadGeometry head, int x, int y, float rho, int bin, int slice, double size)
    {
        var dx = x - centerX;
        var dy = y - centerY;
        var u = (dx * _cos + dy * _sin) / (radiusX * size);
        var v = (-dx * _sin + dy * _cos) / (radiusY * size);
        var r2 = u * u + v * v;
        if (r2 >= _outerLimit * _outerLimit)
        {
            return false;
        }

        if (r2 < _innerLimit * _innerLimit)
        {
            return true;
        }

        var angle = Math.Atan2(v, u);
        var limit = 1 + second.Amplitude * Math.Cos(2 * angle + second.Phase) + third.Amplitude * Math.Cos(3 * angle + third.Phase);
        return r2 < limit * limit;
    }

    public override bool IsHypodense(int x, int y, double size) =>
        divider is not null && divider.IsBeyond((x - centerX) / (MeanRadius * size), (y - centerY) / (MeanRadius * size));
}

// Points (in units of the hematoma's radius, relative to its center) whose distance along direction exceeds
// offset + curvature·t² are hypodense.
internal sealed class BlendDivider(double direction, double offset, double curvature)
{
    private readonly double _nx = Math.Cos(direction);
    private readonly double _ny = Math.Sin(direction);

    public bool IsBeyond(double x, double y)
    {
        var along = x * _nx + y * _ny;
        var across = -x * _ny + y * _nx;
        return along > offset + curvature * across * across;
    }
}
