namespace BlendSign.Data.Dicom;

/// <summary>The header fields BlendSign keeps from one DICOM slice (no patient-identifying fields).</summary>
public sealed record DicomSliceHeader(
    string SopInstanceUid,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string Modality,
    string TransferSyntaxUid,
    string? SeriesDescription,
    int? InstanceNumber,
    double[]? ImagePositionPatient,
    double[]? ImageOrientationPatient,
    double? PixelSpacingRow,
    double? PixelSpacingColumn,
    double? PatientAgeYears)
{
    /// <summary>BurnedInAnnotation (0028,0301) as the file says it (YES, NO), or null when absent.</summary>
    public string? BurnedInAnnotation { get; init; }

    /// <summary>A secondary capture (SOP Class 1.2.840.10008.5.1.4.1.1.7…) or an image whose ImageType says DERIVED.</summary>
    public bool IsCaptureOrDerived { get; init; }

    /// <summary>Text fields cut to their DICOM length limit on reading ("SeriesDescription: 60000 → 64 characters").</summary>
    public IReadOnlyList<string> Cuts { get; init; } = [];
}
