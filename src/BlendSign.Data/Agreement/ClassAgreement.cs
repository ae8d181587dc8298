namespace BlendSign.Data.Agreement;

/// <param name="FleissKappa">Fleiss' kappa over all raters; null with fewer than two raters or no slices.</param>
/// <param name="Pairs">Every rater pair, in rater order (1-2, 1-3, 2-3, ...).</param>
public sealed record ClassAgreement(
    double? FleissKappa,
    ConfidenceInterval? Ci95,
    IReadOnlyList<PairAgreement> Pairs,
    AgreementStrength? Interpretation)
{
    /// <summary>The pair of <paramref name="first"/> and <paramref name="second"/>, in either order; null when absent.</summary>
    public PairAgreement? Pair(string first, string second) =>
        Pairs.FirstOrDefault(p =>
            (p.Raters[0] == first && p.Raters[1] == second) || (p.Raters[0] == second && p.Raters[1] == first));
}
