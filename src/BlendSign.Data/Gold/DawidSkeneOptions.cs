namespace BlendSign.Data.Gold;

/// <summary>How Dawid–Skene's EM stops, and the pseudo-count that keeps estimated probabilities away from 0.</summary>
/// <param name="Tolerance">Stop once no posterior moves by more than this between iterations.</param>
/// <param name="MaxIterations">Stop here whatever the change.</param>
/// <param name="Smoothing">Added to every confusion count and class count before normalising (0: plain maximum likelihood).</param>
public sealed record DawidSkeneOptions(double Tolerance = 1e-6, int MaxIterations = 200, double Smoothing = 0.01)
{
    public static DawidSkeneOptions Default { get; } = new();
}
