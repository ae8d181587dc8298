using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Gold;

/// <summary>
/// The queue holds slices whose raters split 1-1-1 (and any slice already adjudicated). A decision, change or
/// withdrawal writes the adjudication, its audit entry (old and new gold label) and a new gold snapshot in one transaction.
/// </summary>
public sealed class AdjudicationService(IDbContextFactory<BlendSignDbContext> dbFactory, GoldStandardService gold, TimeProvider time)
{
    public const int MaxNoteLength = 2000;

    /// <summary>Ties first (undecided before decided), then other adjudicated slices; each in scan and slice order.</summary>
    public async Task<IReadOnlyList<SliceGold>> QueueAsync(CancellationToken cancellationToken = default)
    {
        var standard = await gold.ComputeAsync(cancellationToken);
        return standard.Slices
            .Where(s => s.Vote.Status == GoldStatus.Tie || s.Adjudication is not null)
            .OrderBy(s => s.Vote.Status == GoldStatus.Tie ? 0 : 1)
            .ThenBy(s => s.Adjudication is null ? 0 : 1)
            .ToList();
    }

    /// <summary>One slice with every read, for the adjudication view; null when unknown or in an excluded scan.</summary>
    public async Task<AdjudicationCase?> CaseAsync(string sopInstanceUid, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slice = await db.Slices.AsNoTracking().Where(s => s.SopInstanceUid == sopInstanceUid)
            .Select(s => new { s.Id, s.ScanId }).FirstOrDefaultAsync(cancellationToken);
        if (slice is null || (await GoldStandardService.LoadAsync(db, cancellationToken, slice.Id)).Slices.SingleOrDefault() is not { } gold)
        {
            return null;
        }

        var scanSlices = await db.Slices.AsNoTracking().Where(s => s.ScanId == slice.ScanId)
            .OrderBy(s => s.SliceIndex).ThenBy(s => s.SopInstanceUid).Select(s => s.SopInstanceUid).ToListAsync(cancellationToken);
        var explicitPanel = await db.ScanAssignments.AnyAsync(a => a.ScanId == slice.ScanId, cancellationToken);
        return new AdjudicationCase(gold, scanSlices, !explicitPanel);
    }

    /// <summary>A decision from the adjudication view: like <see cref="DecideAsync"/>, but a reason is required.</summary>
    public Task<AdjudicationOutcome> DecideWithReasonAsync(
        int sliceId, HemorrhageClass label, string? reason, AuditActor actor, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(AdjudicationOutcome.Refused("Give a reason for the decision; it is kept in the audit trail."))
            : DecideAsync(sliceId, label, reason, actor, cancellationToken);

    public async Task<AdjudicationOutcome> DecideAsync(
        int sliceId, HemorrhageClass label, string? note, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!Enum.IsDefined(label))
        {
            return AdjudicationOutcome.Refused($"Unknown class {(int)label}.");
        }

        if (note?.Length > MaxNoteLength)
        {
            return AdjudicationOutcome.Refused($"The note is longer than {MaxNoteLength} characters.");
        }

        if (actor.UserId is null)
        {
            return AdjudicationOutcome.Refused("An adjudication needs a signed-in user.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var before = await ApplyInAsync(db, sliceId, label, note, actor, AuditAction.Adjudicate, now, cancellationToken);
        if (before is null)
        {
            return AdjudicationOutcome.Refused("No such slice in a scan that is not excluded.");
        }

        var snapshot = await GoldSnapshotService.CreateInAsync(db, $"adjudication of {before.SopInstanceUid}", actor, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AdjudicationOutcome(snapshot, null);
    }

    /// <summary>
    /// Inside the caller's transaction, no snapshot. Returns the slice's gold before the change, or null (changing nothing)
    /// when the slice is unknown or in an excluded scan. A reviewer's change comes here too, audited as <see cref="AuditAction.Review"/>.
    /// </summary>
    internal static async Task<SliceGold?> ApplyInAsync(
        BlendSignDbContext db, int sliceId, HemorrhageClass label, string? note, AuditActor actor, AuditAction action,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = await CurrentAsync(db, sliceId, cancellationToken);
        if (before is null)
        {
            return null;
        }

        var row = await db.Adjudications.SingleOrDefaultAsync(a => a.SliceId == sliceId, cancellationToken);
        if (row is null)
        {
            row = new Adjudication { SliceId = sliceId, DecidedById = actor.UserId!, DecidedByName = actor.Name };
            db.Adjudications.Add(row);
        }

        row.Label = label;
        row.Note = note;
        row.DecidedById = actor.UserId!;
        row.DecidedByName = actor.Name;
        row.DecidedAt = now;
        db.Record(actor, action, AuditEntity.GoldLabel, before.SopInstanceUid,
            Describe(before.Decision, before.Adjudication?.Note), new GoldValue(label.ToWireName(), GoldStatus.Adjudicated.ToWireName(), note),
            before.ScanId, sliceId);
        await db.SaveChangesAsync(cancellationToken);
        return before;
    }

    /// <summary>Inside the caller's transaction; false when there is none.</summary>
    internal static async Task<bool> RemoveInAsync(
        BlendSignDbContext db, int sliceId, AuditActor actor, AuditAction action, CancellationToken cancellationToken)
    {
        var row = await db.Adjudications.SingleOrDefaultAsync(a => a.SliceId == sliceId, cancellationToken);
        var before = await CurrentAsync(db, sliceId, cancellationToken);
        if (row is null || before is null)
        {
            return false;
        }

        db.Adjudications.Remove(row);
        db.Record(actor, action, AuditEntity.GoldLabel, before.SopInstanceUid,
            Describe(before.Decision, row.Note), Describe(before.Vote, null), before.ScanId, sliceId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<AdjudicationOutcome> WithdrawAsync(int sliceId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sop = await db.Slices.Where(s => s.Id == sliceId).Select(s => s.SopInstanceUid).SingleOrDefaultAsync(cancellationToken);
        if (!await RemoveInAsync(db, sliceId, actor, AuditAction.Delete, cancellationToken))
        {
            return AdjudicationOutcome.Refused("This slice has no adjudication to withdraw.");
        }

        var snapshot = await GoldSnapshotService.CreateInAsync(
            db, $"adjudication of {sop} withdrawn", actor, time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AdjudicationOutcome(snapshot, null);
    }

    private static async Task<SliceGold?> CurrentAsync(BlendSignDbContext db, int sliceId, CancellationToken cancellationToken) =>
        (await GoldStandardService.LoadAsync(db, cancellationToken, sliceId)).Slices.SingleOrDefault();

    private static GoldValue Describe(GoldDecision decision, string? note) =>
        new(decision.Label?.ToWireName(), decision.Status.ToWireName(), note);

    private sealed record GoldValue(string? Label, string Status, string? Note);
}
