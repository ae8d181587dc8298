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

        var sorted = norms.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new GradientNormStats(norms.Average(), median, sorted[^1], norms.Count, clipNorm > 0 ? norms.Count(n => n > clipNorm) : 0);
    }
}
