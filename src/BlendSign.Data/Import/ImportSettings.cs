namespace BlendSign.Data.Import;

/// <param name="AssumeCt">Vouch that grayscale slices of another modality (e.g. OT) hold CT in HU.</param>
/// <param name="AcceptBurnedInAnnotation">
/// The lead accepts, for this import, slices whose pixels may show patient data (<see cref="Dicom.BurnedInAnnotationRule"/>).
/// </param>
public sealed record ImportSettings(bool AssumeCt = false, bool AcceptBurnedInAnnotation = false);
