using System.Diagnostics;
using BlendSign.Data.Import;

namespace BlendSign.Web.Features.Import;

/// <summary>
/// Lives in memory only: the imported slices are in the database, and the verdicts (which name the lead's own files)
/// are not kept past the server's run.
/// </summary>
public sealed class ImportJob
{
    private readonly CancellationTokenSource _cancel;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _state = (int)ImportJobState.Running;

    internal ImportJob(string id, string source, string startedBy, CancellationToken stopping)
    {
        Id = id;
        Source = source;
        StartedBy = startedBy;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public string Id { get; }

    /// <summary>What is imported, in words: "3 uploaded files", "2 series from http://pacs/dicom-web".</summary>
    public string Source { get; }

    public string StartedBy { get; }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Set last when the job ends (after <see cref="Report"/> or <see cref="Error"/> and the clean-up), with a release write.</summary>
    public ImportJobState State
    {
        get => (ImportJobState)Volatile.Read(ref _state);
        internal set => Volatile.Write(ref _state, (int)value);
    }

    public ImportProgress? Progress { get; internal set; }

    public ImportReport? Report { get; internal set; }

    public string? Error { get; internal set; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    internal CancellationToken CancellationToken => _cancel.Token;

    /// <summary>The time left at the rate so far; null before the first file or when the total is unknown.</summary>
    public TimeSpan? Remaining => Progress is { FilesExpected: { } total, FilesSeen: > 0 and var seen } && total > seen
        ? Elapsed * ((total - seen) / (double)seen)
        : null;

    public void Cancel()
    {
        lock (_cancel)
        {
            if (State == ImportJobState.Running)
            {
                _cancel.Cancel();
            }
        }
    }

    internal void Finish()
    {
        lock (_cancel)
        {
            _cancel.Dispose();
        }
    }
}
