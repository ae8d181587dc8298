using BlendSign.Data.Labels;

namespace BlendSign.Data.Agreement;

/// <summary>The study's Table 2; serialized with snake_case names it is <c>agreement --json</c>.</summary>
/// <param name="SlicesCompared">Slices (of non-excluded scans) read by every rater: the only ones compared.</param>
/// <param name="Classes">Keyed by wire name (non_ich, normal_ich, blend_sign, in that order): class vs rest.</param>
/// <param name="ScansCompared">Scans holding at least one compared slice: the bootstrap's resampling units.</param>
/// <param name="BootstrapResamples">Resamples behind every <c>ci95</c>; 0 when none were drawn.</param>
/// <param name="Note">Why the kappas are null, when they are.</param>
public sealed record AgreementReport(
    IReadOnlyList<string> Raters,
    int SlicesCompared,
    IReadOnlyDictionary<string, ClassAgreement> Classes,
    ClassAgreement Overall,
    int ScansCompared,
    int BootstrapResamples,
    int Seed,
    string? Note)
{
    public ClassAgreement For(HemorrhageClass hemorrhageClass) => Classes[hemorrhageClass.ToWireName()];
}
