namespace BlendSign.Data.Import.DicomWeb;

/// <summary>
/// What to fetch from a PACS over DICOMweb. With neither <see cref="Studies"/> nor <see cref="Series"/> every
/// series of the archive is listed; <see cref="Since"/> keeps studies from that date on.
/// </summary>
/// <param name="BaseUrl">The DICOMweb root, e.g. <c>http://pacs:8042/dicom-web</c>.</param>
public sealed record DicomWebQuery(
    Uri BaseUrl,
    IReadOnlyList<string> Studies,
    IReadOnlyList<string> Series,
    DateOnly? Since = null,
    DicomWebCredentials? Credentials = null)
{
    public static DicomWebQuery Everything(Uri baseUrl, DicomWebCredentials? credentials = null) =>
        new(baseUrl, [], [], null, credentials);
}
