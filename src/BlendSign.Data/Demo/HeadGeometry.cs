namespace BlendSign.Data.Demo;

// Positions are an ellipse-normalised radius rho (1 ≈ the inner skull table) and an angle bin; the head narrows away
// from its widest slice.
internal sealed class HeadGeometry(
    double centerX,
    double centerY,
    double semiAxisX,
    double semiAxisY,
    float[] innerEdge,
    float[] outerEdge,
    float[] scalpEdge,
    float[] radiusPixels,
    float[] sliceScale)
{
    public const int AngleBins = 1024;
    private const double BinsPerRadian = AngleBins / (2 * Math.PI);

    public double CenterX => centerX;
    public double CenterY => centerY;
    public double SemiAxisX => semiAxisX;
    public double SemiAxisY => semiAxisY;

    /// <summary>Normalised radius of the inner skull table per angle bin (at scale 1).</summary>
    public float[] InnerEdge => innerEdge;

    public float[] OuterEdge => outerEdge;

    public float[] ScalpEdge => scalpEdge;

    /// <summary>Pixels per unit of normalised radius along each angle bin.</summary>
    public float[] RadiusPixels => radiusPixels;

    /// <summary>Scale of the head on each slice (1 on the widest).</summary>
    public float[] SliceScale => sliceScale;

    public int SliceCount => sliceScale.Length;

    /// <summary>The normalised radius and angle bin of pixel (x, y); the renderer caches exactly these values.</summary>
    public void Locate(int x, int y, out float rho, out int bin)
    {
        var ex = (x - centerX) / semiAxisX;
        var ey = (y - centerY) / semiAxisY;
        rho = (float)Math.Sqrt(ex * ex + ey * ey);
        bin = BinOf(Math.Atan2(ey, ex));
    }

    public static int BinOf(double angle) => (int)((angle + Math.PI) * BinsPerRadian) & (AngleBins - 1);

    public static double AngleOf(int bin) => (bin + 0.5) / BinsPerRadian - Math.PI;

    public bool InBrain(float rho, int bin, int slice) => rho < innerEdge[bin] * sliceScale[slice];

    public float DepthPixels(float rho, int bin, int slice) => (innerEdge[bin] * sliceScale[slice] - rho) * radiusPixels[bin];

    public (double X, double Y) PointAt(double rho, double angle) =>
        (centerX + semiAxisX * rho * Math.Cos(angle), centerY + semiAxisY * rho * Math.Sin(angle));

    public double InnerEdgeAt(double angle, int slice) => innerEdge[BinOf(angle)] * sliceScale[slice];
}
