namespace BlendSign.Data.Demo;

/// <summary>The header of one synthetic CT slice. The patient name and ID are fake but present, so import's de-identification has work to do.</summary>
public sealed record SyntheticCtHeader(
    string PatientName,
    string PatientId,
    int PatientAgeYears,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string FrameOfReferenceUid,
    string SopInstanceUid,
    int InstanceNumber,
    double SlicePositionMm,
    double PixelSpacingMm,
    double SliceThicknessMm,
    string SeriesDescription);
