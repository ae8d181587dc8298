using System.Globalization;
using System.Net;
using System.Text.Json;
using BlendSign.Data.Dicom;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace BlendSign.Data.Import.DicomWeb;

// Retrieved instances stream from the socket to a file, so memory does not depend on their size. Every failure is a
// DicomWebException written for a lead; nothing here logs, and no message names a patient.
public sealed class DicomWebClient
{
    public const string HttpClientName = "DicomWeb";

    private const string DicomMediaType = "application/dicom";

    /// <summary>Study and series attributes a search asks for beyond those QIDO-RS returns anyway.</summary>
    private static readonly string[] SeriesFields =
        [DicomJson.StudyDate, DicomJson.StudyDescription, DicomJson.SeriesDescription, DicomJson.SeriesRelatedInstances];

    private readonly HttpClient _http;
    private readonly Uri _root;
    private readonly DicomWebCredentials? _credentials;
    private readonly DicomWebOptions _options;

    public DicomWebClient(HttpClient http, Uri baseUrl, DicomWebCredentials? credentials, DicomWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("A DICOMweb address is an absolute http:// or https:// URL.", nameof(baseUrl));
        }

        _http = http;
        // A trailing slash makes "series?..." resolve under the root rather than beside it.
        _root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _credentials = credentials;
        _options = options;
    }

    /// <summary>The series the query names, in the PACS's order, each once; non-CT series are kept so a caller can say why it skips them.</summary>
    public async Task<IReadOnlyList<DicomWebSeries>> SearchSeriesAsync(DicomWebQuery query, bool ctOnly, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (query.Since is { } since)
        {
            filters.Add($"StudyDate={since.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-");
        }

        var searches = new List<string>();
        searches.AddRange(query.Series.Select(uid => $"series?SeriesInstanceUID={Uri.EscapeDataString(uid)}"));
        searches.AddRange(query.Studies.Select(uid => $"studies/{Uri.EscapeDataString(uid)}/series"));
        if (searches.Count == 0)
        {
            searches.Add("series");
            if (ctOnly)
            {
                filters.Add("Modality=CT");
            }
        }

        var found = new List<DicomWebSeries>();
        var seen = new HashSet<(string, string)>();
        foreach (var search in searches)
        {
            var address = AddQuery(search, filters.Concat(SeriesFields.Select(f => $"includefield={f}")));
            await foreach (var dataset in SearchAsync(address, cancellationToken))
            {
                if (ToSeries(dataset) is { } series
                    && (query.Since is null || series.StudyDate is null || series.StudyDate >= query.Since)
                    && seen.Add((series.StudyInstanceUid, series.SeriesInstanceUid)))
                {
                    found.Add(series);
                }
            }
        }

        return found;
    }

    /// <summary>The series' instances, ordered by Instance Number then SOP Instance UID so that reruns judge them in the same order.</summary>
    public async Task<IReadOnlyList<DicomWebInstance>> ListInstancesAsync(DicomWebSeries series, CancellationToken cancellationToken)
    {
        var instances = new Dictionary<string, DicomWebInstance>(StringComparer.Ordinal);
        await foreach (var dataset in SearchAsync(SeriesPath(series) + "/instances", cancellationToken))
        {
            if (DicomJson.Text(dataset, DicomJson.SopInstanceUid) is { } sop)
            {
                instances.TryAdd(sop, new DicomWebInstance(sop, DicomJson.Integer(dataset, DicomJson.InstanceNumber), InstanceUrl(series, sop)));
            }
        }

        return instances.Values
            .OrderBy(i => i.InstanceNumber ?? int.MaxValue)
            .ThenBy(i => i.SopInstanceUid, StringComparer.Ordinal)
            .ToList();
    }

    public Uri SeriesUrl(DicomWebSeries series) => new(_root, SeriesPath(series));

    /// <summary>Streams one instance (WADO-RS, as stored: <c>transfer-syntax=*</c>) into <paramref name="targetPath"/>.</summary>
    public Task RetrieveAsync(DicomWebInstance instance, string targetPath, CancellationToken cancellationToken) =>
        RequestAsync(async token =>
        {
            using var request = NewRequest(instance.RetrieveUrl, $"multipart/related; type=\"{DicomMediaType}\"; transfer-syntax=*");
            using var response = await SendAsync(request, token);
            var body = await response.Content.ReadAsStreamAsync(token);
            var contentType = response.Content.Headers.ContentType;
            if (contentType?.MediaType == DicomMediaType)
            {
                await CopyToFileAsync(body, targetPath, token);
                return;
            }

            var boundary = contentType?.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value;
            if (contentType?.MediaType != "multipart/related" || string.IsNullOrEmpty(boundary))
            {
                throw new DicomWebException(DicomWebFailure.BadResponse,
                    $"the PACS answered {contentType?.MediaType ?? "without a content type"}, not a DICOM instance");
            }

            var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(boundary).Value!, body);
            var section = await reader.ReadNextSectionAsync(token)
                ?? throw new DicomWebException(DicomWebFailure.BadResponse, "the PACS answered with an empty multipart message");
            if (section.ContentType is { } partType && !partType.StartsWith(DicomMediaType, StringComparison.OrdinalIgnoreCase))
            {
                throw new DicomWebException(DicomWebFailure.BadResponse, $"the PACS sent a {partType} part, not a DICOM instance");
            }

            await CopyToFileAsync(section.Body, targetPath, token);
        }, cancellationToken);

    /// <summary>STOW-RS: one multipart/related POST to <c>studies</c>.</summary>
    public Task StoreAsync(IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        RequestAsync(async token =>
        {
            using var content = new MultipartContent("related", $"blendsign-{Guid.NewGuid():N}");
            content.Headers.ContentType!.Parameters.Add(new System.Net.Http.Headers.NameValueHeaderValue("type", $"\"{DicomMediaType}\""));
            foreach (var file in files)
            {
                var part = new StreamContent(File.OpenRead(file));
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(DicomMediaType);
                content.Add(part);
            }

            using var request = NewRequest(new Uri(_root, "studies"), "application/dicom+json, application/json");
            request.Method = HttpMethod.Post;
            request.Content = content;
            using var response = await SendAsync(request, token);
        }, cancellationToken);

    private async IAsyncEnumerable<JsonElement> SearchAsync(
        string address, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A PACS that ignores "offset" would send the same page for ever: stop at the first page with nothing new.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += _options.PageSize)
        {
            var page = await SearchPageAsync(AddQuery(address, [$"limit={_options.PageSize}", $"offset={offset}"]), cancellationToken);
            var fresh = 0;
            foreach (var dataset in page)
            {
                if (seen.Add(dataset.GetRawText()))
                {
                    fresh++;
                    yield return dataset;
                }
            }

            if (page.Count < _options.PageSize || fresh == 0)
            {
                yield break;
            }
        }
    }

    private Task<IReadOnlyList<JsonElement>> SearchPageAsync(string address, CancellationToken cancellationToken) =>
        RequestAsync<IReadOnlyList<JsonElement>>(async token =>
        {
            using var request = NewRequest(new Uri(_root, address), "application/dicom+json, application/json");
            using var response = await SendAsync(request, token);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return [];
            }

            await using var body = await response.Content.ReadAsStreamAsync(token);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: token);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DicomWebException(DicomWebFailure.BadResponse, "the PACS's search answer is not a list of DICOM JSON datasets");
            }

            return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }, cancellationToken);

    private async Task<T> RequestAsync<T>(Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            return await send(timeout.Token);
        }
        catch (Exception exception) when (Translate(exception, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    private Task RequestAsync(Func<CancellationToken, Task> send, CancellationToken cancellationToken) =>
        RequestAsync(async token =>
        {
            await send(token);
            return true;
        }, cancellationToken);

    private HttpRequestMessage NewRequest(Uri address, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Accept.ParseAdd(accept);
        if (_credentials is not null)
        {
            request.Headers.Authorization = _credentials.ToHeader();
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new DicomWebException(DicomWebFailure.Unauthorized, _credentials is null
                    ? "the PACS asks for a user name and password (HTTP 401)"
                    : $"the PACS refused the user name and password of {_credentials.User} (HTTP 401)"),
                HttpStatusCode.Forbidden => new DicomWebException(DicomWebFailure.Forbidden,
                    "the PACS does not let this account read this (HTTP 403)"),
                HttpStatusCode.NotFound => new DicomWebException(DicomWebFailure.NotFound,
                    "the PACS has no such study, series or instance, or no DICOMweb service at this address (HTTP 404)"),
                _ when status >= 500 => new DicomWebException(DicomWebFailure.Unreachable,
                    $"the PACS failed to answer (HTTP {status})"),
                _ => new DicomWebException(DicomWebFailure.BadResponse, $"the PACS answered HTTP {status}"),
            };
        }
    }

    /// <summary>Failures of the transport in a lead's words; null for the caller's own cancellation, which propagates.</summary>
    private DicomWebException? Translate(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        DicomWebException known => known,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException => new DicomWebException(DicomWebFailure.Timeout,
            $"the PACS at {_root.Authority} did not answer within {_options.RequestTimeoutSeconds} s", exception),
        HttpRequestException http => new DicomWebException(DicomWebFailure.Unreachable,
            $"could not reach the PACS at {_root.Authority} ({Describe(http)})", exception),
        IOException => new DicomWebException(DicomWebFailure.Unreachable,
            $"the connection to the PACS at {_root.Authority} broke off", exception),
        JsonException => new DicomWebException(DicomWebFailure.BadResponse, "the PACS's search answer is not valid JSON", exception),
        InvalidDataException => new DicomWebException(DicomWebFailure.BadResponse, "the PACS's multipart answer is malformed", exception),
        _ => null,
    };

    private static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => "connection refused or lost",
        HttpRequestError.NameResolutionError => "unknown host name",
        HttpRequestError.SecureConnectionError => "TLS handshake failed",
        HttpRequestError.ResponseEnded => "the answer ended early",
        _ => exception.HttpRequestError.ToString(),
    };

    private static async Task CopyToFileAsync(Stream source, string targetPath, CancellationToken cancellationToken)
    {
        await using var target = new FileStream(targetPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long written = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            if (written > DicomSliceReader.MaxFileBytes)
            {
                throw new DicomWebException(DicomWebFailure.BadResponse,
                    $"the instance is larger than {DicomSliceReader.MaxFileBytes / (1024 * 1024)} MB, not a single slice");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static DicomWebSeries? ToSeries(JsonElement dataset)
    {
        var study = DicomJson.Text(dataset, DicomJson.StudyInstanceUid);
        var series = DicomJson.Text(dataset, DicomJson.SeriesInstanceUid);
        return study is null || series is null
            ? null
            : new DicomWebSeries(study, series, DicomJson.Text(dataset, DicomJson.Modality)?.ToUpperInvariant() ?? "",
                DicomJson.Date(dataset, DicomJson.StudyDate), DicomJson.Text(dataset, DicomJson.StudyDescription),
                DicomJson.Text(dataset, DicomJson.SeriesDescription), DicomJson.Integer(dataset, DicomJson.SeriesRelatedInstances));
    }

    private static string SeriesPath(DicomWebSeries series) =>
        $"studies/{Uri.EscapeDataString(series.StudyInstanceUid)}/series/{Uri.EscapeDataString(series.SeriesInstanceUid)}";

    private Uri InstanceUrl(DicomWebSeries series, string sop) =>
        new(_root, $"{SeriesPath(series)}/instances/{Uri.EscapeDataString(sop)}");

    private static string AddQuery(string address, IEnumerable<string> parameters)
    {
        var query = string.Join('&', parameters);
        return query.Length == 0 ? address : address + (address.Contains('?') ? "&" : "?") + query;
    }
}
