using BlendSign.Data.Persistence;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Training;

/// <summary>
/// Watches one executing run: every interval it stores the latest progress on the run's row (for pages that open
/// mid-run) and polls <c>CancelRequested</c>, which another process (the page, a verb) may have set; a request
/// cancels <see cref="Token"/>.
/// </summary>
internal sealed class RunMonitor : IAsyncDisposable
{
    private readonly IDbContextFactory<BlendSignDbContext> _dbFactory;
    private readonly ILogger _logger;
    private readonly int _runId;
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TrainingProgress? _latest;
    private TrainingProgress? _stored;

    public RunMonitor(IDbContextFactory<BlendSignDbContext> dbFactory, ILogger logger, int runId, TimeSpan interval, CancellationToken outer)
    {
        _dbFactory = dbFactory;
        _logger = logger;
        _runId = runId;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _loop = LoopAsync(interval);
    }

    /// <summary>Cancelled when the run is asked to stop or the outer token (host shutdown, Ctrl+C) fires.</summary>
    public CancellationToken Token => _cancellation.Token;

    public bool CancelRequested { get; private set; }

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
            await db.TrainingRuns.Where(r => r.Id == _runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ProgressMessage, TrainingRunService.Describe(latest))
                .SetProperty(r => r.ProgressFraction, latest.FractionDone), cancellationToken);
            _stored = latest;
        }

        if (await db.TrainingRuns.Where(r => r.Id == _runId).Select(r => r.CancelRequested).SingleAsync(cancellationToken))
        {
            CancelRequested = true;
            await _cancellation.CancelAsync();
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
