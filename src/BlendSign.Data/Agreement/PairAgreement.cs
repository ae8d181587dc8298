namespace BlendSign.Data.Agreement;

/// <summary>Two raters on one class (class vs rest) or on all three classes; kappas null when undefined.</summary>
/// <param name="Raters">The two rater names, in the report's rater order.</param>
/// <param name="PercentAgreement">Slices both put on the same side, in percent.</param>
/// <param name="CohenKappa">Cohen's kappa.</param>
/// <param name="Ci95">Scan-level bootstrap percentile interval of <paramref name="CohenKappa"/>.</param>
/// <param name="Interpretation">Landis–Koch reading of <paramref name="CohenKappa"/>.</param>
public sealed record PairAgreement(
    IReadOnlyList<string> Raters,
    double? PercentAgreement,
    double? CohenKappa,
    ConfidenceInterval? Ci95,
    AgreementStrength? Interpretation);
