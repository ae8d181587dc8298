using BlendSign.Data.Labels;
using BlendSign.Data.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

/// <summary>
/// A stamp of what the gold standard, the agreement and the review queue are computed from. Every change made through
/// BlendSign is audited and moves <see cref="LastAuditId"/>; the counts, last ids and the sums of label ids per class also catch
/// writes that are not audited (an import's slices, the demo's reads, a run finishing). Results computed from the
/// database are cached under it.
/// </summary>
public sealed record StudyVersion(
    long LastAuditId,
    int Slices,
    int LastSliceId,
    int ExcludedScans,
    int Labels,
    int LastLabelId,
    long NormalIchLabelIds,
    long BlendSignLabelIds,
    int Boxes,
    int LastBoxId,
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
            await db.Slices.CountAsync(cancellationToken),
            await db.Slices.MaxAsync(s => (int?)s.Id, cancellationToken) ?? 0,
            await db.Scans.CountAsync(s => s.Exclusion != null, cancellationToken),
            await db.SliceLabels.CountAsync(cancellationToken),
            await db.SliceLabels.MaxAsync(l => (int?)l.Id, cancellationToken) ?? 0,
            await LabelIdsAsync(db, HemorrhageClass.NormalIch, cancellationToken),
            await LabelIdsAsync(db, HemorrhageClass.BlendSign, cancellationToken),
            await db.HemorrhageBoxes.CountAsync(cancellationToken),
            await db.HemorrhageBoxes.MaxAsync(b => (int?)b.Id, cancellationToken) ?? 0,
            await db.Adjudications.CountAsync(cancellationToken),
            await db.ScanAssignments.CountAsync(cancellationToken),
            await db.TrainingRuns.CountAsync(r => r.Status == TrainingRunStatus.Completed || r.Status == TrainingRunStatus.Diverged, cancellationToken));
    }

    // Any label moved into or out of the class changes this sum.
    private static async Task<long> LabelIdsAsync(BlendSignDbContext db, HemorrhageClass label, CancellationToken cancellationToken) =>
        await db.SliceLabels.Where(l => l.Label == label).SumAsync(l => (long?)l.Id, cancellationToken) ?? 0;
}
