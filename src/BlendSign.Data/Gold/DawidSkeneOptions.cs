namespace BlendSign.Data.Gold;

/// <param name="Tolerance">Stop once no posterior moves by more than this between iterations.</param>
/// <param name="Smoothing">Added to every confusion count and class count before normalising (0: plain maximum likelihood).</param>
public sealed record DawidSkeneOptions(double Tolerance = 1e-6, int MaxIterations = 200, double Smoothing = 0.01)
{
    public static DawidSkeneOptions Default { get; } = new();
}
