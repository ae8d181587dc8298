using Microsoft.Extensions.Options;

namespace BlendSign.Data.Import.DicomWeb;

// Each item's File is the instance's WADO-RS address. Search failures (a refused password, an unreachable PACS) throw
// DicomWebException before anything is imported.
public sealed class DicomWebImporter(DicomImporter importer, IHttpClientFactory httpClients, IOptions<DicomWebOptions> options)
{
    public DicomWebClient CreateClient(Uri baseUrl, DicomWebCredentials? credentials) =>
        new(httpClients.CreateClient(DicomWebClient.HttpClientName), baseUrl, credentials, options.Value);

    public async Task<ImportReport> ImportAsync(
        DicomWebQuery query, ImportSettings settings, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(settings);
        var client = CreateClient(query.BaseUrl, query.Credentials);
        var series = await client.SearchSeriesAsync(query, ctOnly: !settings.AssumeCt, cancellationToken);
        return await ImportAsync(client, series, settings, progress, cancellationToken);
    }

    public Task<ImportReport> ImportAsync(
        DicomWebClient client, IReadOnlyList<DicomWebSeries> series, ImportSettings settings,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var source = new DicomWebSource(client, series, settings, options.Value);
        var expected = series.Sum(s => s.Instances ?? 0);
        var counted = progress is null ? null : new ExpectedFilesProgress(progress, expected);
        return importer.ImportAsync(scratch => source.WalkAsync(scratch), settings, counted, cancellationToken);
    }
}
