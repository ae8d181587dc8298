using BlendSign.Data.Import;
using BlendSign.Data.Import.DicomWeb;
using Microsoft.Extensions.Options;

namespace BlendSign.Data.Tests.Support;

/// <summary>A real DICOMweb importer over an <see cref="ImportHarness"/>; <see cref="BeforeRequest"/> sees every request it sends.</summary>
internal sealed class DicomWebHarness : IDisposable
{
    public DicomWebHarness(DicomWebOptions? options = null)
    {
        Importer = new DicomWebImporter(Files.Importer, new Clients(this), Options.Create(options ?? new DicomWebOptions()));
    }

    public ImportHarness Files { get; } = new();
    public DicomWebImporter Importer { get; }

    /// <summary>Called with each request's address before it is sent (a test stops the PACS from here).</summary>
    public Action<Uri>? BeforeRequest { get; set; }

    public Task<ImportReport> ImportAsync(DicomWebQuery query, bool assumeCt = false) =>
        Importer.ImportAsync(query, new ImportSettings(assumeCt), progress: null, CancellationToken.None);

    public void Dispose() => Files.Dispose();

    private sealed class Clients(DicomWebHarness harness) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) =>
            new(new Watch(harness) { InnerHandler = new SocketsHttpHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private sealed class Watch(DicomWebHarness harness) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            harness.BeforeRequest?.Invoke(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
