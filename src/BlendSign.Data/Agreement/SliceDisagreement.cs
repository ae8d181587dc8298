using BlendSign.Data.Labels;

namespace BlendSign.Data.Agreement;

/// <summary>A compared slice on which two raters disagree, with what each said.</summary>
/// <param name="ScanId">The scan's pseudonymous id.</param>
public sealed record SliceDisagreement(string SopInstanceUid, string ScanId, int SliceIndex, HemorrhageClass FirstLabel, HemorrhageClass SecondLabel);
