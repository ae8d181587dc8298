namespace BlendSign.Web.Features.Training;

/// <summary>Handlers run on the training thread: a component hands the update to its renderer through <c>InvokeAsync</c>.</summary>
public sealed class TrainingProgressNotifier(ILogger<TrainingProgressNotifier> logger)
{
    private readonly Lock _gate = new();
    private Action<TrainingProgressUpdate>[] _handlers = [];

    public IDisposable Subscribe(Action<TrainingProgressUpdate> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Publish(TrainingProgressUpdate update)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try
            {
                handler(update);
            }
            catch (Exception exception)
            {
                // A broken listener must not stop the run.
                logger.LogWarning(exception, "A training progress listener failed for run {RunId}", update.RunId);
            }
        }
    }

    private void Unsubscribe(Action<TrainingProgressUpdate> handler)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_handlers, handler);
            if (index >= 0)
            {
                _handlers = [.. _handlers[..index], .. _handlers[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(TrainingProgressNotifier owner, Action<TrainingProgressUpdate> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(handler);
            }
        }
    }
}
