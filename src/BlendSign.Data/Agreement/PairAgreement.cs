namespace BlendSign.Data.Agreement;

/// <summary>Two raters on one class (class vs rest) or on all three classes; kappas null when undefined.</summary>
/// <param name="PercentAgreement">Slices both put on the same side, in percent.</param>
public sealed record PairAgreement(
    IReadOnlyList<string> Raters,
    double? PercentAgreement,
    double? CohenKappa,
    ConfidenceInterval? Ci95,
    AgreementStrength? Interpretation);
