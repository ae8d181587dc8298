namespace BlendSign.Data.Agreement;

/// <param name="BootstrapResamples">Resamples of the scans (with replacement); 0 leaves the intervals out.</param>
/// <param name="Seed">Fixed so the same labels always give the same intervals.</param>
public sealed record AgreementOptions(int BootstrapResamples = AgreementOptions.DefaultResamples, int Seed = AgreementOptions.DefaultSeed)
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 20230101;

    public static AgreementOptions Default { get; } = new();
}
