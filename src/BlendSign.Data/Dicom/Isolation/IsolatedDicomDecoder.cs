using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlendSign.Data.Dicom.Isolation;

// What the managed checks prove needs no native codec (uncompressed, lossless JPEG) is decoded here; everything else in
// a pool of child processes, where an abort or a hang becomes the file's verdict and a fresh child takes the next one.
public sealed class IsolatedDicomDecoder(
    DicomSliceReader reader, IOptions<DecoderIsolationOptions> options, ILogger<IsolatedDicomDecoder> logger) : IDicomDecoder, IDisposable
{
    private readonly DecoderIsolationOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.Processes, options.Value.Processes);
    private readonly ConcurrentQueue<DecoderProcess> _idle = new();
    private int _crashes;

    public int Crashes => Volatile.Read(ref _crashes);

    public async ValueTask<DicomReadResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!_options.Isolated)
        {
            return reader.Read(path);
        }

        var local = reader.Read(path, allowNativeCodecs: false);
        if (!local.NeedsNativeCodec)
        {
            return local;
        }

        await _slots.WaitAsync(cancellationToken);
        try
        {
            var child = _idle.TryDequeue(out var idle) ? idle : await DecoderProcess.StartAsync(_options.WorkerCommand, cancellationToken);
            DicomReadResult result;
            try
            {
                result = await child.DecodeAsync(path, _options.Timeout, cancellationToken);
            }
            catch
            {
                child.Dispose();
                throw;
            }

            if (child.IsUsable)
            {
                _idle.Enqueue(child);
            }
            else
            {
                child.Dispose();
                Interlocked.Increment(ref _crashes);
                // The reason names no file: paths may name the patient.
                logger.LogWarning("A decoder process failed on a file ({Reason}); the next file gets a new one", result.RejectionReason);
            }

            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        while (_idle.TryDequeue(out var child))
        {
            child.Dispose();
        }

        _slots.Dispose();
    }
}
