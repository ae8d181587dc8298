using BlendSign.Data.Import;
using BlendSign.Data.Import.Dimse;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.Extensions.Options;

namespace BlendSign.Data.Tests.Import;

/// <summary>C-MOVE from a real Orthanc through DCMTK's movescu (Debian's dcmtk, installed by scripts/install.sh).</summary>
public sealed class DimseImporterTests : IDisposable
{
    private readonly ImportHarness _harness = new();
    private readonly DimseOptions _options = new() { ReceivePort = LoopbackPort.Free() };

    [Fact]
    public async Task ImportAsync_StudyMovedFromOrthanc_ImportedWithTheFileImportsHuThenDuplicate()
    {
        using var pacs = await OrthancServer.StartAsync(dimsePeer: (_options.AeTitle, _options.ReceivePort));
        await pacs.UploadAsync([PydicomTestFiles.CtSmall]);
        var study = await StudyOfAsync(pacs);
        var query = new DimseQuery("127.0.0.1", pacs.DicomPort, OrthancServer.AeTitle, [study]);

        var first = await ImportAsync(query);
        var second = await ImportAsync(query);

        var item = Assert.Single(first.Items);
        Assert.Equal(ImportItemStatus.Imported, item.Status);
        Assert.StartsWith($"dimse://127.0.0.1:{pacs.DicomPort}/studies/{study}/", item.File);
        Assert.Equal(ImportItemStatus.Duplicate, Assert.Single(second.Items).Status);
        using var files = new ImportHarness();
        var fileReport = await files.ImportAsync(PydicomTestFiles.CtSmall);
        Assert.Equal(HuHash.Of(await files.LoadAsync(item.SopInstanceUid!)), HuHash.Of(await _harness.LoadAsync(item.SopInstanceUid!)));
        Assert.Equal(fileReport.Items[0].SopInstanceUid, item.SopInstanceUid);
    }

    [Fact]
    public async Task ImportAsync_UnknownStudyAndUnreachablePacs_EachStudyRefusedWithDcmtksReason()
    {
        using var pacs = await OrthancServer.StartAsync(dimsePeer: (_options.AeTitle, _options.ReceivePort));

        var unknown = await ImportAsync(new DimseQuery("127.0.0.1", pacs.DicomPort, OrthancServer.AeTitle, ["1.2.3.4"]));
        var unreachable = await ImportAsync(new DimseQuery("127.0.0.1", LoopbackPort.Free(), OrthancServer.AeTitle, ["1.2.3.4"]));

        var refused = Assert.Single(unknown.Items);
        Assert.Equal(ImportItemStatus.Rejected, refused.Status);
        Assert.Equal($"dimse://127.0.0.1:{pacs.DicomPort}/studies/1.2.3.4", refused.File);
        Assert.StartsWith("study not imported: ", refused.Reason);
        Assert.Contains("Connection refused", Assert.Single(unreachable.Items).Reason);
        Assert.Equal((0, 0), await _harness.CountRowsAsync());
    }

    public void Dispose() => _harness.Dispose();

    private Task<ImportReport> ImportAsync(DimseQuery query) =>
        new DimseImporter(_harness.Importer, Options.Create(_options)).ImportAsync(query, new ImportSettings(), null, CancellationToken.None);

    private static async Task<string> StudyOfAsync(OrthancServer pacs)
    {
        using var harness = new DicomWebHarness();
        var series = await harness.Importer.CreateClient(pacs.DicomWebRoot, null)
            .SearchSeriesAsync(Data.Import.DicomWeb.DicomWebQuery.Everything(pacs.DicomWebRoot), ctOnly: false, CancellationToken.None);
        return Assert.Single(series).StudyInstanceUid;
    }
}
