namespace BlendSign.Model.Health;

/// <summary>An epoch's gradient norms before clipping: mean, median, largest, and how many steps were clipped.</summary>
public sealed record GradientNormStats(double Mean, double Median, double Max, int Steps, int Clipped)
{
    public static GradientNormStats From(IReadOnlyList<double> norms, double clipNorm)
    {
        if (norms.Count == 0)
        {
            return new GradientNormStats(double.NaN, double.NaN, double.NaN, 0, 0);
        }

        return new GradientNormStats(norms.Average(), Metrics.Median.Of(norms), norms.Max(), norms.Count, clipNorm > 0 ? norms.Count(n => n > clipNorm) : 0);
    }
}
