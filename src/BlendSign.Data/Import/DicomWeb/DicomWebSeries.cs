namespace BlendSign.Data.Import.DicomWeb;

/// <summary>Nothing here names the patient: dates, descriptions and counts are what a lead needs, and none is stored.</summary>
/// <param name="Instances">The PACS's count of the series' instances (Number of Series Related Instances), when it gives one.</param>
public sealed record DicomWebSeries(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string Modality,
    DateOnly? StudyDate,
    string? StudyDescription,
    string? SeriesDescription,
    int? Instances);
