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
    double? PatientAgeYears);
