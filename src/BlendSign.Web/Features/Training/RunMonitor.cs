using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// Progress goes on the run's row for pages on any node, which poll it. A heartbeat the database refuses means another
/// worker took the run over (this one was judged gone), which cancels <see cref="Token"/> like a cancel request.
/// </summary>
internal sealed class RunMonitor : IAsyncDisposable
{
    private readonly IDbContextFactory<BlendSignDbContext> _dbFactory;
    private readonly RunClaims _claims;
    private readonly WorkerIdentity _worker;
    private readonly TimeProvider _time;
    private readonly TimeSpan _heartbeat;
    private readonly ILogger _logger;
    private readonly int _runId;
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TrainingProgress? _latest;
    private TrainingProgress? _stored;
    private DateTimeOffset _lastHeartbeat;

    public RunMonitor(IDbContextFactory<BlendSignDbContext> dbFactory, RunClaims claims, WorkerIdentity worker, RunMonitorTiming timing,
        TimeProvider time, ILogger logger, int runId, CancellationToken outer)
    {
        _dbFactory = dbFactory;
        _claims = claims;
        _worker = worker;
        _time = time;
        _heartbeat = timing.Heartbeat;
        _logger = logger;
        _runId = runId;
        _lastHeartbeat = time.GetUtcNow();
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _loop = LoopAsync(timing.Interval);
    }

    /// <summary>Cancelled when the run is asked to stop, is taken over, or the outer token (host shutdown, Ctrl+C) fires.</summary>
    public CancellationToken Token => _cancellation.Token;

    public bool CancelRequested { get; private set; }

    /// <summary>Another worker queued the run again and may train it now: this one must leave the row alone.</summary>
    public bool ClaimLost { get; private set; }

    public void Report(TrainingProgress progress) => Volatile.Write(ref _latest, progress);

    private async Task LoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    await PollAsync(_stop.Token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A busy database must not end the run; the next tick tries again.
                    _logger.LogWarning(exception, "Could not update run {RunId}'s progress", _runId);
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = Volatile.Read(ref _latest);
        if (latest is not null && !ReferenceEquals(latest, _stored))
        {
            await db.TrainingRuns.Where(r => r.Id == _runId && r.WorkerId == _worker.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ProgressMessage, ProgressText.Describe(latest))
                .SetProperty(r => r.ProgressFraction, latest.FractionDone), cancellationToken);
            _stored = latest;
        }

        if (await db.TrainingRuns.Where(r => r.Id == _runId).Select(r => r.CancelRequested).SingleAsync(cancellationToken))
        {
            CancelRequested = true;
            await _cancellation.CancelAsync();
            return;
        }

        var now = _time.GetUtcNow();
        if (now - _lastHeartbeat >= _heartbeat)
        {
            if (!await _claims.HeartbeatAsync(_runId, _worker, cancellationToken))
            {
                _logger.LogWarning("run {RunId} was taken over by another worker (this one, {WorkerId}, was judged gone); stopping here", _runId, _worker.Id);
                ClaimLost = true;
                await _cancellation.CancelAsync();
                return;
            }

            _lastHeartbeat = now;
        }
    }

    /// <summary>Ends the polling (idempotent); the last progress may go unstored, the run's end overwrites it anyway.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _cancellation.Dispose();
    }
}

internal sealed record RunMonitorTiming(TimeSpan Interval, TimeSpan Heartbeat);
