namespace BlendSign.Data.Import;

/// <param name="AssumeCt">Vouch that grayscale slices of another modality (e.g. OT) hold CT in HU.</param>
public sealed record ImportSettings(bool AssumeCt = false);
