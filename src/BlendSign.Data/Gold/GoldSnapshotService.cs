using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Gold;

/// <summary>
/// Equal content (same <see cref="GoldSnapshotHash"/>) is stored once: asking again returns the existing snapshot.
/// Snapshots are made when an adjudication changes the gold standard, when a lead freezes it and when a run is queued.
/// </summary>
public sealed class GoldSnapshotService(IDbContextFactory<BlendSignDbContext> dbFactory, TimeProvider time)
{
    public const string FreezeReason = "frozen by a lead";
    public const string TrainingReason = "training run queued";

    public async Task<GoldSnapshotSummary> CreateAsync(string reason, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var snapshot = await CreateInAsync(db, reason, actor, time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return snapshot;
    }

    public async Task<GoldSnapshotSummary?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.GoldSnapshots.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : GoldSnapshotSummary.From(latest, created: false);
    }

    /// <summary>The labeled entries of a snapshot (slices with a null label left out), by slice id.</summary>
    public async Task<IReadOnlyDictionary<int, HemorrhageClass>> LabelsAsync(int snapshotId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.GoldSnapshotEntries.AsNoTracking()
            .Where(e => e.GoldSnapshotId == snapshotId && e.Label != null)
            .ToDictionaryAsync(e => e.SliceId, e => e.Label!.Value, cancellationToken);
    }

    /// <summary>Creates (or finds) the snapshot of the gold standard as <paramref name="db"/> sees it, saving through it.</summary>
    internal static async Task<GoldSnapshotSummary> CreateInAsync(
        BlendSignDbContext db, string reason, AuditActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var gold = await GoldStandardService.LoadAsync(db, cancellationToken);
        var hash = GoldSnapshotHash.Compute(gold.Slices);
        var existing = await db.GoldSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.ContentHash == hash, cancellationToken);
        if (existing is not null)
        {
            return GoldSnapshotSummary.From(existing, created: false);
        }

        int CountOf(HemorrhageClass c) => gold.Slices.Count(s => s.Decision.Label == c);
        var snapshot = new GoldSnapshot
        {
            CreatedAt = now,
            ContentHash = hash,
            Reason = reason,
            CreatedByName = actor.Name,
            SliceCount = gold.Slices.Count,
            NonIchCount = CountOf(HemorrhageClass.NonIch),
            NormalIchCount = CountOf(HemorrhageClass.NormalIch),
            BlendSignCount = CountOf(HemorrhageClass.BlendSign),
            UnresolvedCount = gold.Slices.Count(s => s.Decision.Label is null),
            Entries = gold.Slices.Select(s => new GoldSnapshotEntry
            {
                SliceId = s.SliceId,
                Label = s.Decision.Label,
                Status = s.Decision.Status,
                Votes = s.Decision.Votes,
            }).ToList(),
            Boxes = gold.Slices.SelectMany(s => s.Boxes.Select(b => new GoldSnapshotBox
            {
                SliceId = s.SliceId,
                CenterX = b.CenterX,
                CenterY = b.CenterY,
                Left = b.Left,
                Top = b.Top,
                Right = b.Right,
                Bottom = b.Bottom,
                Support = b.Support,
            })).ToList(),
        };
        db.GoldSnapshots.Add(snapshot);
        db.Record(actor, AuditAction.Create, AuditEntity.GoldSnapshot, hash, null,
            new { reason, slices = snapshot.SliceCount, unresolved = snapshot.UnresolvedCount });
        await db.SaveChangesAsync(cancellationToken);
        return GoldSnapshotSummary.From(snapshot, created: true);
    }
}
