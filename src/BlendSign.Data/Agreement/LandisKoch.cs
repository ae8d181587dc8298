namespace BlendSign.Data.Agreement;

/// <summary>Landis–Koch bands: poor &lt; 0, slight ≤ 0.20, fair ≤ 0.40, moderate ≤ 0.60, substantial ≤ 0.80, almost perfect above.</summary>
public static class LandisKoch
{
    public static AgreementStrength Interpret(double kappa) => kappa switch
    {
        < 0 => AgreementStrength.Poor,
        <= 0.20 => AgreementStrength.Slight,
        <= 0.40 => AgreementStrength.Fair,
        <= 0.60 => AgreementStrength.Moderate,
        <= 0.80 => AgreementStrength.Substantial,
        _ => AgreementStrength.AlmostPerfect,
    };

    /// <summary>Words for people: "almost perfect (excellent)" for the top band, as the study reads it.</summary>
    public static string Describe(this AgreementStrength strength) => strength switch
    {
        AgreementStrength.Poor => "poor",
        AgreementStrength.Slight => "slight",
        AgreementStrength.Fair => "fair",
        AgreementStrength.Moderate => "moderate",
        AgreementStrength.Substantial => "substantial",
        AgreementStrength.AlmostPerfect => "almost perfect (excellent)",
        _ => throw new ArgumentOutOfRangeException(nameof(strength), strength, null),
    };

    /// <summary>
    /// The reading of a kappa with its interval: one band when the whole 95 % CI lies in it; otherwise the point
    /// estimate's band with the span of the interval, so a wide interval is not read as a firm "almost perfect".
    /// </summary>
    public static string Describe(double kappa, ConfidenceInterval? ci)
    {
        var point = Interpret(kappa);
        if (ci is null || double.IsNaN(ci.Lower) || double.IsNaN(ci.Upper))
        {
            return point.Describe();
        }

        var (low, high) = (Interpret(ci.Lower), Interpret(ci.Upper));
        return low == high
            ? point.Describe()
            : $"{Short(point)} by the point estimate; the 95 % CI spans {Short(low)} to {Short(high)}";
    }

    private static string Short(AgreementStrength strength) =>
        strength == AgreementStrength.AlmostPerfect ? "almost perfect" : strength.Describe();
}
