using System.Collections.Concurrent;
using BlendSign.Data.Import;
using BlendSign.Data.Import.DicomWeb;

namespace BlendSign.Web.Features.Import;

/// <summary>Keeps the last <see cref="Kept"/> jobs; the server's shutdown cancels those still running.</summary>
public sealed class ImportJobs(IHostApplicationLifetime lifetime, ILogger<ImportJobs> logger)
{
    public const int Kept = 20;

    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _subscribersLock = new();
    private readonly List<Action<ImportJob>> _subscribers = [];

    /// <summary>Starts <paramref name="work"/>; <paramref name="cleanUp"/> runs once it ended, however it ended.</summary>
    public ImportJob Start(
        string source, string startedBy, Func<IProgress<ImportProgress>, CancellationToken, Task<ImportReport>> work,
        Action? cleanUp = null)
    {
        var job = new ImportJob(Guid.NewGuid().ToString("N"), source, startedBy, lifetime.ApplicationStopping);
        _jobs[job.Id] = job;
        Forget();
        _ = Task.Run(() => RunAsync(job, work, cleanUp));
        Notify(job);
        return job;
    }

    public ImportJob? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    public IReadOnlyList<ImportJob> Recent() => [.. _jobs.Values.OrderByDescending(j => j.StartedAt)];

    /// <summary>Calls <paramref name="onChange"/> (on a pool thread) whenever a job makes progress or ends.</summary>
    public IDisposable Subscribe(Action<ImportJob> onChange)
    {
        lock (_subscribersLock)
        {
            _subscribers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    private async Task RunAsync(
        ImportJob job, Func<IProgress<ImportProgress>, CancellationToken, Task<ImportReport>> work, Action? cleanUp)
    {
        // The state is set last, after the report or error and the clean-up: whoever sees a job no longer running (a
        // page, a test polling State) sees it complete, its uploaded files already removed.
        ImportJobState state;
        string? error = null;
        try
        {
            job.Report = await work(new JobProgress(this, job), job.CancellationToken);
            state = ImportJobState.Completed;
        }
        catch (OperationCanceledException) when (job.CancellationToken.IsCancellationRequested)
        {
            state = ImportJobState.Cancelled;
            error = "Cancelled: the batches committed before the cancel stay imported, complete; nothing else was written.";
        }
        catch (DicomWebException exception)
        {
            state = ImportJobState.Failed;
            error = $"Nothing imported: {exception.Message}.";
        }
        catch (Exception exception)
        {
            // The lead sees a sentence; the log gets the type and message (no paths: they may name the patient).
            logger.LogError("Import {Job} failed: {Type}: {Message}", job.Id, exception.GetType().Name, exception.Message);
            state = ImportJobState.Failed;
            error = "The import failed on the server; nothing more was imported. The server log says why.";
        }

        CleanUp(job, cleanUp);
        job.Error = error;
        job.State = state;
        job.Finish();
        Notify(job);
    }

    private void CleanUp(ImportJob job, Action? cleanUp)
    {
        try
        {
            cleanUp?.Invoke();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Import {Job}: its uploaded files could not all be removed: {Type}", job.Id, exception.GetType().Name);
        }
    }

    private void Notify(ImportJob job)
    {
        Action<ImportJob>[] subscribers;
        lock (_subscribersLock)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(job);
        }
    }

    private void Forget()
    {
        foreach (var old in _jobs.Values.Where(j => j.State != ImportJobState.Running).OrderByDescending(j => j.StartedAt).Skip(Kept - 1))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }

    private sealed class JobProgress(ImportJobs jobs, ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            job.Progress = value;
            jobs.Notify(job);
        }
    }

    private sealed class Subscription(ImportJobs jobs, Action<ImportJob> onChange) : IDisposable
    {
        public void Dispose()
        {
            lock (jobs._subscribersLock)
            {
                jobs._subscribers.Remove(onChange);
            }
        }
    }
}
