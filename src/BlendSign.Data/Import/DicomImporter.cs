using System.Diagnostics;
using System.Threading.Channels;
using BlendSign.Data.Dicom;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Import;

// Never throws for bad input; untrusted pixel data is decoded by the IDicomDecoder it is given (in child processes
// where a native codec is needed). Bounded channels between the stages keep memory independent of the number of
// files. Cancelling keeps the batches already committed, each complete, and removes what the others wrote.
public sealed class DicomImporter(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    IDicomDecoder reader,
    SliceStore store,
    TimeProvider time,
    ILogger<DicomImporter> logger)
{
    public const int BatchSize = 200;

    private const int CandidateQueue = 8;
    private const int DecodedQueue = 32;

    /// <summary>One decoding task per core, at most four: beyond that SQLite and the disk set the pace.</summary>
    public static int DecodeWorkers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    public Task<ImportReport> ImportAsync(
        IReadOnlyList<string> paths,
        ImportSettings settings,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return ImportAsync(scratch => new ImportSources(scratch).Enumerate(paths).ToAsyncEnumerable(), settings, progress, cancellationToken);
    }

    // The walk gets a scratch folder (deleted after the run) and yields candidates in the order verdicts are reported.
    internal async Task<ImportReport> ImportAsync(
        Func<string, IAsyncEnumerable<ImportCandidate>> walk,
        ImportSettings settings,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = Stopwatch.GetTimestamp();
        await using var writer = await ImportBatchWriter.CreateAsync(dbFactory, store, time, logger, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var candidates = Channel.CreateBounded<ImportCandidate>(new BoundedChannelOptions(CandidateQueue) { SingleWriter = true });
        var decoded = Channel.CreateBounded<DecodeOutcome>(new BoundedChannelOptions(DecodedQueue) { SingleReader = true });
        var decoder = new ImportDecoder(reader, settings, logger);
        var scratch = Directory.CreateTempSubdirectory("blendsign-import-");

        var walking = Task.Run(() => WalkAsync(walk(scratch.FullName), candidates.Writer, stop.Token), stop.Token);
        var decoding = DecodeAllAsync(decoder, candidates.Reader, decoded.Writer, stop.Token);
        try
        {
            // Decoders finish out of order; verdicts are given in walk order, so that "imported" goes to the
            // first of two equal files and reruns give the same report. Only the few in flight wait here.
            var waiting = new Dictionary<int, DecodeOutcome>();
            var next = 0;
            await foreach (var decodedOutcome in decoded.Reader.ReadAllAsync(stop.Token))
            {
                waiting.Add(decodedOutcome.Sequence, decodedOutcome);
                while (waiting.Remove(next, out var outcome))
                {
                    next++;
                    stop.Token.ThrowIfCancellationRequested();
                    await AcceptAsync(writer, outcome, progress, stop.Token);
                }
            }

            await Task.WhenAll(walking, decoding);
            if (waiting.Count > 0)
            {
                throw new InvalidOperationException($"Import pipeline lost file #{next}; {waiting.Count} later files were not judged.");
            }

            await writer.FlushAsync(stop.Token);
            var report = await writer.ReportAsync(stop.Token);
            LogSummary(report, Stopwatch.GetElapsedTime(started));
            return report;
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            await Task.WhenAll(walking, decoding).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            DeleteScratch(scratch);
        }
    }

    private async Task AcceptAsync(
        ImportBatchWriter writer, DecodeOutcome outcome, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await writer.AcceptAsync(outcome, cancellationToken);
        if (writer.PendingCount >= BatchSize)
        {
            await writer.FlushAsync(cancellationToken);
        }

        var now = writer.Progress(outcome.File);
        progress?.Report(now);
        if (now.FilesSeen % BatchSize == 0)
        {
            logger.LogInformation("Import: imported {Imported} of {Files} files so far ({Duplicates} duplicates, {Rejected} rejected)",
                now.Imported, now.FilesSeen, now.Duplicates, now.Rejected);
        }
    }

    private static async Task WalkAsync(
        IAsyncEnumerable<ImportCandidate> sources, ChannelWriter<ImportCandidate> output, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var candidate in sources.WithCancellation(cancellationToken))
            {
                await output.WriteAsync(candidate, cancellationToken);
            }

            output.TryComplete();
        }
        catch (Exception exception)
        {
            output.TryComplete(exception);
            throw;
        }
    }

    private static async Task DecodeAllAsync(
        ImportDecoder decoder, ChannelReader<ImportCandidate> input, ChannelWriter<DecodeOutcome> output, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, DecodeWorkers)
            .Select(_ => Task.Run(async () =>
            {
                await foreach (var candidate in input.ReadAllAsync(cancellationToken))
                {
                    await output.WriteAsync(await decoder.DecodeAsync(candidate, cancellationToken), cancellationToken);
                }
            }, cancellationToken))
            .ToArray();
        try
        {
            await Task.WhenAll(workers);
            output.TryComplete();
        }
        catch (Exception exception)
        {
            output.TryComplete(exception);
            throw;
        }
    }

    private void LogSummary(ImportReport report, TimeSpan elapsed)
    {
        logger.LogInformation(
            "Imported {Imported} of {Files} files ({Duplicates} duplicates, {Rejected} rejected) into {Scans} scans "
            + "in {Seconds:F1} s ({SlicesPerSecond:F0} slices/s)",
            report.Imported, report.Files, report.Duplicates, report.Rejected, report.Scans, elapsed.TotalSeconds,
            report.Imported / Math.Max(elapsed.TotalSeconds, 1e-3));
    }

    private void DeleteScratch(DirectoryInfo scratch)
    {
        try
        {
            scratch.Delete(recursive: true);
        }
        catch (IOException exception)
        {
            logger.LogWarning("Import scratch folder could not be removed: {Error}", exception.Message);
        }
    }
}
