using BlendSign.Data.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

/// <summary>
/// A stamp of what the gold standard, the agreement and the review queue are computed from, read on every visit of
/// those pages, so made of look-ups that need no scan of the large tables. Every change made through BlendSign is
/// audited and moves <see cref="LastAuditId"/>; the last ids catch the writes that are not audited (an import's slices,
/// the demo's reads and boxes), the counts of the small tables a finished run or a change made outside BlendSign.
/// </summary>
public sealed record StudyVersion(
    long LastAuditId,
    int LastSliceId,
    int LastLabelId,
    int LastBoxId,
    int ExcludedScans,
    int Adjudications,
    int Assignments,
    int FinishedRuns)
{
    public static async Task<StudyVersion> ReadAsync(IDbContextFactory<BlendSignDbContext> dbFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, cancellationToken);
    }

    public static async Task<StudyVersion> ReadAsync(BlendSignDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new StudyVersion(
            await db.AuditEntries.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0,
            await db.Slices.MaxAsync(s => (int?)s.Id, cancellationToken) ?? 0,
            await db.SliceLabels.MaxAsync(l => (int?)l.Id, cancellationToken) ?? 0,
            await db.HemorrhageBoxes.MaxAsync(b => (int?)b.Id, cancellationToken) ?? 0,
            await db.Scans.CountAsync(s => s.Exclusion != null, cancellationToken),
            await db.Adjudications.CountAsync(cancellationToken),
            await db.ScanAssignments.CountAsync(cancellationToken),
            await db.TrainingRuns.CountAsync(r => r.Status == TrainingRunStatus.Completed || r.Status == TrainingRunStatus.Diverged, cancellationToken));
    }
}
