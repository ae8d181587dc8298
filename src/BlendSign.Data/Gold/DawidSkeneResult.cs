using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

/// <param name="Posteriors">Per slice, P(true class = k | labels), k in the study's class order.</param>
/// <param name="Confusions">Per rater, row = true class, column = the label the rater gives: P(label | truth).</param>
public sealed record DawidSkeneResult(
    IReadOnlyList<double[]> Posteriors,
    IReadOnlyList<double[,]> Confusions,
    double[] Priors,
    int Iterations,
    bool Converged)
{
    /// <summary>The most probable class of a slice (the lower class on an exact tie).</summary>
    public HemorrhageClass MostLikely(int slice)
    {
        var p = Posteriors[slice];
        var best = 0;
        for (var k = 1; k < p.Length; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return (HemorrhageClass)best;
    }
}
