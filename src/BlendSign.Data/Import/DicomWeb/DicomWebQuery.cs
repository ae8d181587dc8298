namespace BlendSign.Data.Import.DicomWeb;

// With neither Studies nor Series every series of the archive is listed; Since keeps studies from that date on.
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
