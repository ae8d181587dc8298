namespace BlendSign.Data.Import;

/// <summary>Per-run import switches.</summary>
/// <param name="AssumeCt">Vouch that grayscale slices of another modality (e.g. OT) hold CT in HU.</param>
public sealed record ImportSettings(bool AssumeCt = false);
