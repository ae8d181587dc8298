using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Training;

// Claims, heartbeats and re-queueing are each one conditional UPDATE, so that of two workers racing for a row
// exactly one wins on any provider.
public sealed class RunClaims(IDbContextFactory<BlendSignDbContext> dbFactory, TimeProvider time)
{
    public async Task<int?> ClaimNextQueuedAsync(WorkerIdentity worker, string device, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                return await ClaimNextWithRowLockAsync(db, worker, device, cancellationToken);
            }

            // SQLite has no row locks (its writer lock serialises the updates): read the oldest, then claim it
            // conditionally; a worker that loses the race reads again.
            var candidate = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Queued)
                .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } runId)
            {
                return null;
            }

            if (await ClaimInAsync(db, runId, worker, device, cancellationToken))
            {
                return runId;
            }
        }
    }

    public async Task<bool> ClaimAsync(int runId, WorkerIdentity worker, string device, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ClaimInAsync(db, runId, worker, device, cancellationToken);
    }

    // PostgreSQL: skips rows other workers have locked, so concurrent workers take different runs at once instead of
    // racing for the same one.
    private async Task<int?> ClaimNextWithRowLockAsync(BlendSignDbContext db, WorkerIdentity worker, string device, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var queued = nameof(TrainingRunStatus.Queued);
        var ids = await db.Database.SqlQuery<int>(
                $"""SELECT "Id" AS "Value" FROM "TrainingRuns" WHERE "Status" = {queued} ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED""")
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }

        var claimed = await ClaimInAsync(db, ids[0], worker, device, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed ? ids[0] : null;
    }

    private async Task<bool> ClaimInAsync(BlendSignDbContext db, int runId, WorkerIdentity worker, string device, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.TrainingRuns
            .Where(r => r.Id == runId && r.Status == TrainingRunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Running)
                    .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                    .SetProperty(r => r.WorkerId, worker.Id)
                    .SetProperty(r => r.HeartbeatAt, now)
                    .SetProperty(r => r.Device, device),
                cancellationToken) == 1;
    }

    /// <summary>False when another worker found the run stale and took it over: the caller stops training it.</summary>
    public async Task<bool> HeartbeatAsync(int runId, WorkerIdentity worker, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.TrainingRuns
            .Where(r => r.Id == runId && r.Status == TrainingRunStatus.Running && r.WorkerId == worker.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, now), cancellationToken) == 1;
    }

    public async Task<List<TrainingRun>> RunningAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TrainingRuns.AsNoTracking().Where(r => r.Status == TrainingRunStatus.Running).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    // On this host the run lock is authoritative: free means the process is gone, however fresh its heartbeat. Across
    // hosts only the heartbeat tells. Runs without a heartbeat (left by versions before heartbeats) follow the lock.
    public static bool IsStale(TrainingRun run, string localHost, DateTimeOffset now, TimeSpan staleAfter) =>
        run.HeartbeatAt is not { } heartbeat
        || string.Equals(WorkerIdentity.HostOf(run.WorkerId), localHost, StringComparison.OrdinalIgnoreCase)
        || now - heartbeat > staleAfter;

    /// <summary>Queues a stale run again unless its worker heartbeated or it changed hands since <paramref name="seen"/> was read.</summary>
    public async Task<bool> RequeueAsync(TrainingRun seen, string message, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TrainingRuns
            .Where(r => r.Id == seen.Id && r.Status == TrainingRunStatus.Running && r.WorkerId == seen.WorkerId && r.HeartbeatAt == seen.HeartbeatAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Queued)
                    .SetProperty(r => r.ResumeCount, r => r.ResumeCount + 1)
                    .SetProperty(r => r.WorkerId, (string?)null)
                    .SetProperty(r => r.HeartbeatAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.ProgressMessage, message),
                cancellationToken) == 1;
    }
}
