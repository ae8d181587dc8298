using BlendSign.Data.Labels;

namespace BlendSign.Data.Agreement;

/// <param name="ScanId">The scan's pseudonymous id.</param>
public sealed record SliceDisagreement(string SopInstanceUid, string ScanId, int SliceIndex, HemorrhageClass FirstLabel, HemorrhageClass SecondLabel);
