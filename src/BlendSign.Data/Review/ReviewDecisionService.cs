using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Review;

/// <summary>
/// Each decision, its audit entry and the resulting gold snapshot are written in one transaction. A keep changes no gold
/// label, so its snapshot is usually an existing one (same content hash); a change writes an adjudication like a lead's;
/// a re-read sends the slice back to its raters, who see only that a re-read is requested.
/// </summary>
public sealed class ReviewDecisionService(IDbContextFactory<BlendSignDbContext> dbFactory, TimeProvider time)
{
    public const int MaxReasonLength = AdjudicationService.MaxNoteLength;

    public Task<ReviewDecisionOutcome> KeepAsync(int runId, int sliceId, AuditActor reviewer, CancellationToken cancellationToken = default) =>
        DecideAsync(runId, sliceId, ReviewOutcome.Keep, null, null, reviewer, cancellationToken);

    public Task<ReviewDecisionOutcome> ChangeAsync(
        int runId, int sliceId, HemorrhageClass label, string? reason, AuditActor reviewer, CancellationToken cancellationToken = default) =>
        DecideAsync(runId, sliceId, ReviewOutcome.Change, label, reason, reviewer, cancellationToken);

    public Task<ReviewDecisionOutcome> RereadAsync(
        int runId, int sliceId, string? reason, AuditActor reviewer, CancellationToken cancellationToken = default) =>
        DecideAsync(runId, sliceId, ReviewOutcome.Reread, null, reason, reviewer, cancellationToken);

    /// <summary>Ids of the slices with a decision made at or after <paramref name="since"/> (the queue's snapshot).</summary>
    public async Task<IReadOnlySet<int>> DecidedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.ReviewDecisions.AsNoTracking().Where(d => d.DecidedAt >= since).Select(d => d.SliceId).ToListAsync(cancellationToken))
            .ToHashSet();
    }

    public async Task<IReadOnlyList<ReviewDecisionRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReviewDecisions.AsNoTracking()
            .OrderBy(d => d.Id)
            .Select(d => new ReviewDecisionRow(d.Id, d.DecidedAt, d.ReviewerName, d.TrainingRunId, d.SliceId, d.Slice.SopInstanceUid,
                d.Slice.Scan.PseudonymousId, d.Slice.SliceIndex, d.Outcome, d.OldLabel, d.NewLabel, d.Reason, d.GoldSnapshotId,
                d.ResultSnapshotId, d.RereadCompletedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Only the latest decision on its slice: a change restores the label it replaced (the vote, or an adjudication with the
    /// old label), and the slice returns to the queue.
    /// </summary>
    public async Task<ReviewDecisionOutcome> UndoAsync(int decisionId, AuditActor reviewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (reviewer.UserId is null)
        {
            return ReviewDecisionOutcome.Refused("Undoing a decision needs a signed-in reviewer.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var decision = await db.ReviewDecisions.Include(d => d.Slice).SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (decision is null)
        {
            return ReviewDecisionOutcome.Refused("There is no such decision; nothing was changed.");
        }

        if (await db.ReviewDecisions.AnyAsync(d => d.SliceId == decision.SliceId && d.Id > decision.Id, cancellationToken))
        {
            return ReviewDecisionOutcome.Refused("A later decision on this slice exists; only the latest decision can be undone.");
        }

        var now = time.GetUtcNow();
        if (decision.Outcome == ReviewOutcome.Change)
        {
            var current = (await GoldStandardService.LoadAsync(db, cancellationToken, decision.SliceId)).Slices.SingleOrDefault();
            if (current?.Vote.Label is { } vote && vote == decision.OldLabel && current.Vote.Status is GoldStatus.Unanimous or GoldStatus.Majority)
            {
                await AdjudicationService.RemoveInAsync(db, decision.SliceId, reviewer, AuditAction.Review, cancellationToken);
            }
            else if (decision.OldLabel is { } old)
            {
                await AdjudicationService.ApplyInAsync(db, decision.SliceId, old, $"restored by undoing review decision {decision.Id}",
                    reviewer, AuditAction.Review, now, cancellationToken);
            }
            else
            {
                await AdjudicationService.RemoveInAsync(db, decision.SliceId, reviewer, AuditAction.Review, cancellationToken);
            }
        }

        db.ReviewDecisions.Remove(decision);
        db.Record(reviewer, AuditAction.Review, AuditEntity.GoldLabel, decision.Slice.SopInstanceUid,
            Describe(decision), new { undone = decision.Id }, decision.Slice.ScanId, decision.SliceId);
        await db.SaveChangesAsync(cancellationToken);
        var snapshot = await GoldSnapshotService.CreateInAsync(
            db, $"review decision on {decision.Slice.SopInstanceUid} undone", reviewer, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReviewDecisionOutcome(null, snapshot, null);
    }

    private async Task<ReviewDecisionOutcome> DecideAsync(
        int runId, int sliceId, ReviewOutcome outcome, HemorrhageClass? label, string? reason, AuditActor reviewer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (Check(outcome, label, reason, reviewer) is { } problem)
        {
            return ReviewDecisionOutcome.Refused(problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (snapshotId, notOpen) = await FindOpenQueueAsync(db, runId, sliceId, cancellationToken);
        if (notOpen is not null)
        {
            return ReviewDecisionOutcome.Refused(notOpen);
        }

        var before = (await GoldStandardService.LoadAsync(db, cancellationToken, sliceId)).Slices.SingleOrDefault();
        if (before is null)
        {
            return ReviewDecisionOutcome.Refused("The slice's scan is excluded; nothing was recorded.");
        }

        if (outcome == ReviewOutcome.Change && before.Decision.Label == label)
        {
            return ReviewDecisionOutcome.Refused($"The gold label is {label!.Value.ToWireName()} already; keep it instead.");
        }

        var now = time.GetUtcNow();
        var decision = new ReviewDecision
        {
            SliceId = sliceId,
            TrainingRunId = runId,
            GoldSnapshotId = snapshotId,
            Outcome = outcome,
            OldLabel = before.Decision.Label,
            NewLabel = outcome == ReviewOutcome.Change ? label : null,
            Reason = reason,
            ReviewerId = reviewer.UserId!,
            ReviewerName = reviewer.Name,
            DecidedAt = now,
        };
        var snapshot = await RecordAsync(db, decision, before, reviewer, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReviewDecisionOutcome(decision.Id, snapshot, null);
    }

    /// <summary>The run's gold snapshot when the slice is still open on its review queue, else why not.</summary>
    private static async Task<(int SnapshotId, string? Problem)> FindOpenQueueAsync(
        BlendSignDbContext db, int runId, int sliceId, CancellationToken cancellationToken)
    {
        var run = await db.TrainingRuns.AsNoTracking()
            .Where(r => r.Id == runId)
            .Select(r => new { r.Status, r.GoldSnapshotId, SnapshotCreatedAt = (DateTimeOffset?)r.GoldSnapshot!.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (run is not { Status: TrainingRunStatus.Completed, GoldSnapshotId: { } snapshotId })
        {
            return (0, $"Run {runId} is not a completed run with a gold snapshot; nothing was recorded.");
        }

        if (!await db.SlicePredictions.AnyAsync(p => p.TrainingRunId == runId && p.SliceId == sliceId, cancellationToken))
        {
            return (0, $"Slice {sliceId} has no prediction in run {runId}; nothing was recorded.");
        }

        if (await db.ReviewDecisions.AnyAsync(d => d.SliceId == sliceId && d.DecidedAt >= run.SnapshotCreatedAt, cancellationToken))
        {
            return (0, "This slice was already decided since the queue's snapshot; nothing was recorded.");
        }

        return (snapshotId, null);
    }

    private static async Task<GoldSnapshotSummary> RecordAsync(
        BlendSignDbContext db, ReviewDecision decision, SliceGold before, AuditActor reviewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ReviewDecisions.Add(decision);
        if (decision.Outcome == ReviewOutcome.Change)
        {
            await AdjudicationService.ApplyInAsync(db, decision.SliceId, decision.NewLabel!.Value, decision.Reason, reviewer, AuditAction.Review, now, cancellationToken);
        }
        else
        {
            db.Record(reviewer, AuditAction.Review, AuditEntity.GoldLabel, before.SopInstanceUid, null, Describe(decision), before.ScanId, decision.SliceId);
        }

        await db.SaveChangesAsync(cancellationToken);
        var snapshot = await GoldSnapshotService.CreateInAsync(
            db, $"review ({decision.Outcome.ToWireName()}) of {before.SopInstanceUid}", reviewer, now, cancellationToken);
        decision.ResultSnapshotId = snapshot.Id;
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }

    private static string? Check(ReviewOutcome outcome, HemorrhageClass? label, string? reason, AuditActor reviewer)
    {
        if (reviewer.UserId is null)
        {
            return "A review decision needs a signed-in reviewer.";
        }

        if (reason?.Length > MaxReasonLength)
        {
            return $"The reason is longer than {MaxReasonLength} characters.";
        }

        if (outcome != ReviewOutcome.Change)
        {
            return null;
        }

        if (label is not { } value || !Enum.IsDefined(value))
        {
            return "A change needs one of the three classes.";
        }

        return reason is null ? "A change needs a reason." : null;
    }

    private static ReviewedValue Describe(ReviewDecision decision) => new(
        decision.Outcome.ToWireName(), decision.TrainingRunId, decision.OldLabel?.ToWireName(), decision.NewLabel?.ToWireName(), decision.Reason);

    private sealed record ReviewedValue(string Outcome, int Run, string? OldLabel, string? NewLabel, string? Reason);
}
