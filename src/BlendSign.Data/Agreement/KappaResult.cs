namespace BlendSign.Data.Agreement;

/// <summary>A kappa with the observed and chance-expected agreement it came from (both as proportions).</summary>
public sealed record KappaResult(double Kappa, double ObservedAgreement, double ExpectedAgreement)
{
    public AgreementStrength Strength => LandisKoch.Interpret(Kappa);
}
