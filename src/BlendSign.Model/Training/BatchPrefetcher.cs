using System.Collections.Concurrent;

namespace BlendSign.Model.Training;

// depth batches ahead, in order, so the step does not wait for reading, rendering and augmenting. Disposing stops the
// loader and frees the batches nobody took.
public sealed class BatchPrefetcher : IDisposable
{
    private readonly BlockingCollection<TrainingBatch> _queue;
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;

    public BatchPrefetcher(int count, Func<int, TrainingBatch> load, int depth = 2, CancellationToken cancellationToken = default)
    {
        _queue = new BlockingCollection<TrainingBatch>(Math.Max(1, depth));
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stop.Token;
        _producer = Task.Run(() =>
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    token.ThrowIfCancellationRequested();
                    var batch = load(i);
                    try
                    {
                        _queue.Add(batch, token);
                    }
                    catch
                    {
                        batch.Dispose();
                        throw;
                    }
                }
            }
            finally
            {
                _queue.CompleteAdding();
            }
        }, CancellationToken.None); // not the token: a task cancelled before it starts would never complete the queue
    }

    /// <summary>The batches in order; a loader failure surfaces here.</summary>
    public IEnumerable<TrainingBatch> Batches()
    {
        foreach (var batch in _queue.GetConsumingEnumerable())
        {
            yield return batch;
        }

        _producer.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _producer.Wait();
        }
        catch (AggregateException)
        {
            // The loader's failure or cancellation was reported through Batches() or is moot now.
        }

        while (_queue.TryTake(out var left))
        {
            left.Dispose();
        }

        _queue.Dispose();
        _stop.Dispose();
    }
}
