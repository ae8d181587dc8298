namespace BlendSign.Data.Import.DicomWeb;

/// <summary>
/// One series as the PACS lists it (QIDO-RS). Holds nothing that names the patient: dates, descriptions and
/// counts are what a lead needs to pick studies, and none of it is stored.
/// </summary>
/// <param name="Instances">The PACS's count of the series' instances (Number of Series Related Instances), when it gives one.</param>
public sealed record DicomWebSeries(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string Modality,
    DateOnly? StudyDate,
    string? StudyDescription,
    string? SeriesDescription,
    int? Instances);
