using Microsoft.Extensions.Options;

namespace BlendSign.Data.Import.Dimse;

// DCMTK's movescu (Debian, maintained, the reference DIMSE tools) does the networking: no DICOM network library for
// .NET is served here. One move at a time: they share the receive port.
public sealed class DimseImporter(DicomImporter importer, IOptions<DimseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _port = new(1, 1);

    public async Task<ImportReport> ImportAsync(
        DimseQuery query, ImportSettings settings, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!File.Exists(options.Value.MovescuPath))
        {
            throw new InvalidOperationException(
                $"DCMTK's movescu was not found at {options.Value.MovescuPath}: install Debian's dcmtk (scripts/install.sh does).");
        }

        await _port.WaitAsync(cancellationToken);
        try
        {
            var source = new DimseSource(query, options.Value);
            return await importer.ImportAsync(scratch => source.WalkAsync(scratch), settings, progress, cancellationToken);
        }
        finally
        {
            _port.Release();
        }
    }

    public void Dispose() => _port.Dispose();
}
