using System.Runtime.CompilerServices;

namespace BlendSign.Data.Import.DicomWeb;

// A series is taken whole or not at all: when the PACS stops answering, times out or refuses part-way, none of that
// series' instances is imported and each gets the reason, so a rerun finds no half-imported scan.
internal sealed class DicomWebSource(
    DicomWebClient client, IReadOnlyList<DicomWebSeries> series, ImportSettings settings, DicomWebOptions options)
{
    private const string Rerun = "run the import again once the PACS answers (a series is imported whole or not at all)";

    private int _sequence;
    private int _files;

    public async IAsyncEnumerable<ImportCandidate> WalkAsync(string scratchDirectory, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var one in series)
        {
            var seriesUrl = client.SeriesUrl(one).AbsoluteUri;
            if (one.Modality != ImportDecoder.ComputedTomography && !settings.AssumeCt)
            {
                var modality = one.Modality.Length == 0 ? "no modality given" : $"modality {one.Modality}";
                yield return Rejected(seriesUrl, $"series not imported: not CT ({modality}); --assume-ct vouches for series of another modality that hold CT values");
                continue;
            }

            IReadOnlyList<DicomWebInstance>? instances = null;
            string? listFailure = null;
            try
            {
                instances = await client.ListInstancesAsync(one, cancellationToken);
            }
            catch (DicomWebException exception)
            {
                listFailure = exception.Message;
            }

            if (instances is null || instances.Count == 0)
            {
                var count = one.Instances is { } expected ? $" ({expected} instances)" : "";
                yield return Rejected(seriesUrl, listFailure is null
                    ? "series not imported: the PACS lists no instances in it"
                    : $"series not imported{count}: its instances could not be listed: {listFailure}; {Rerun}");
                continue;
            }

            foreach (var candidate in await RetrieveSeriesAsync(instances, scratchDirectory, cancellationToken))
            {
                yield return candidate;
            }
        }
    }

    private async Task<IReadOnlyList<ImportCandidate>> RetrieveSeriesAsync(
        IReadOnlyList<DicomWebInstance> instances, string scratchDirectory, CancellationToken cancellationToken)
    {
        var retrievals = new Retrieval?[instances.Count];
        DicomWebException? broken = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.ParallelRetrievals, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, instances.Count), parallel, async (index, token) =>
            {
                var path = Path.Combine(scratchDirectory, $"wado-{Interlocked.Increment(ref _files)}.dcm");
                try
                {
                    await client.RetrieveAsync(instances[index], path, token);
                    retrievals[index] = new Retrieval(path, null);
                }
                catch (DicomWebException exception) when (exception.Failure is DicomWebFailure.NotFound or DicomWebFailure.BadResponse)
                {
                    File.Delete(path);
                    retrievals[index] = new Retrieval(null, exception.Failure == DicomWebFailure.NotFound
                        ? "the PACS no longer has this instance (HTTP 404)"
                        : $"not retrieved: {exception.Message}");
                }
                catch (DicomWebException exception)
                {
                    File.Delete(path);
                    Interlocked.CompareExchange(ref broken, exception, null);
                    await stop.CancelAsync();
                }
                catch
                {
                    File.Delete(path);
                    throw;
                }
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && broken is not null)
        {
            // One retrieval failed and stopped the others; the series is refused whole below.
        }
        catch
        {
            DeleteRetrieved(retrievals);
            throw;
        }

        if (broken is not null)
        {
            var retrieved = retrievals.Count(r => r?.Path is not null);
            DeleteRetrieved(retrievals);
            var reason = $"not imported: {broken.Message} after {retrieved} of {instances.Count} instances of this series were retrieved; {Rerun}";
            return instances.Select(i => Rejected(i.RetrieveUrl.AbsoluteUri, reason)).ToList();
        }

        return instances.Select((instance, index) => retrievals[index] is { Path: { } path }
                ? new ImportCandidate(_sequence++, instance.RetrieveUrl.AbsoluteUri, path, IsScratch: true, Rejection: null)
                : Rejected(instance.RetrieveUrl.AbsoluteUri, retrievals[index]?.Refusal ?? "not retrieved"))
            .ToList();
    }

    private static void DeleteRetrieved(IEnumerable<Retrieval?> retrievals)
    {
        foreach (var path in retrievals.Select(r => r?.Path).OfType<string>())
        {
            File.Delete(path);
        }
    }

    private ImportCandidate Rejected(string file, string reason) => new(_sequence++, file, null, IsScratch: false, reason);

    private sealed record Retrieval(string? Path, string? Refusal);
}
