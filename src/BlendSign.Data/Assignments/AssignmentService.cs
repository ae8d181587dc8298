using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Assignments;

/// <summary>
/// Works on what each rater effectively gets: unassigning one rater from a default scan (no rows: every radiologist)
/// keeps it on the others' worklists, and a change that would leave a scan to nobody is refused.
/// </summary>
public sealed class AssignmentService(IDbContextFactory<BlendSignDbContext> dbFactory, TimeProvider time)
{
    internal const string EveryRadiologistText = "every radiologist";

    public async Task<AssignmentOverview> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var radiologists = await RadiologistsAsync(db, cancellationToken);
        var scans = await db.Scans.AsNoTracking()
            .OrderBy(s => s.PseudonymousId)
            .Select(s => new { s.Id, s.PseudonymousId, Slices = s.Slices.Count, Excluded = s.Exclusion != null })
            .ToListAsync(cancellationToken);
        var rows = (await db.ScanAssignments.AsNoTracking().Select(a => new { a.ScanId, a.RaterId }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ScanId, a => a.RaterId);
        var labeled = await db.SliceLabels.AsNoTracking()
            .GroupBy(l => new { l.Slice.ScanId, l.RaterId })
            .Select(g => new { g.Key.ScanId, g.Key.RaterId, Count = g.Count() })
            .ToDictionaryAsync(g => (g.ScanId, g.RaterId), g => g.Count, cancellationToken);

        var result = scans.Select(s =>
        {
            var explicitRaters = rows[s.Id].ToHashSet(StringComparer.Ordinal);
            var everyone = explicitRaters.Count == 0;
            var progress = radiologists.ToDictionary(
                r => r.Id,
                r => new RaterProgress(everyone || explicitRaters.Contains(r.Id), labeled.GetValueOrDefault((s.Id, r.Id))),
                StringComparer.Ordinal);
            return new ScanAssignmentRow(s.Id, s.PseudonymousId, s.Slices, s.Excluded, everyone, progress);
        }).ToList();
        return new AssignmentOverview(radiologists, result);
    }

    /// <summary>Puts the scans on each rater's worklist (a scan that goes to every radiologist already is).</summary>
    public Task<AssignmentChangeResult> AssignAsync(IReadOnlyCollection<int> scanIds, IReadOnlyCollection<string> raterIds, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(scanIds, raterIds, actor, (current, raters) => current.Union(raters), cancellationToken);

    /// <summary>Takes the scans off each rater's worklist; refused where a scan would be left to nobody.</summary>
    public Task<AssignmentChangeResult> UnassignAsync(IReadOnlyCollection<int> scanIds, IReadOnlyCollection<string> raterIds, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(scanIds, raterIds, actor, (current, raters) => current.Except(raters), cancellationToken);

    public Task<AssignmentChangeResult> AssignOnlyAsync(IReadOnlyCollection<int> scanIds, IReadOnlyCollection<string> raterIds, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(scanIds, raterIds, actor, (_, raters) => raters, cancellationToken);

    /// <summary>Back to the default: the scans (every scan when null) go to every radiologist, also ones added later.</summary>
    public Task<AssignmentChangeResult> AssignToEveryRadiologistAsync(IReadOnlyCollection<int>? scanIds, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(scanIds, [], actor, change: null, cancellationToken);

    /// <param name="change">The new set of raters from the current one and the given raters; null for "every radiologist".</param>
    private async Task<AssignmentChangeResult> ChangeAsync(
        IReadOnlyCollection<int>? scanIds,
        IReadOnlyCollection<string> raterIds,
        AuditActor actor,
        Func<IEnumerable<string>, IEnumerable<string>, IEnumerable<string>>? change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var radiologists = (await RadiologistsAsync(db, cancellationToken)).ToDictionary(r => r.Id, r => r.UserName, StringComparer.Ordinal);
        if (raterIds.FirstOrDefault(id => !radiologists.ContainsKey(id)) is { } notRater)
        {
            var name = await db.Users.Where(u => u.Id == notRater).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
            return AssignmentChangeResult.Refused(name is null ? "No such user." : $"'{name}' is not a radiologist.");
        }

        var query = db.Scans.AsQueryable();
        if (scanIds is not null)
        {
            query = query.Where(s => scanIds.Contains(s.Id));
        }

        var scans = await query.Select(s => new { s.Id, s.PseudonymousId }).ToListAsync(cancellationToken);
        if (scanIds?.Except(scans.Select(s => s.Id)).ToList() is [var missing, ..])
        {
            return AssignmentChangeResult.Refused($"No scan with id {missing}.");
        }

        var ids = scans.Select(s => s.Id).ToList();
        var rows = (await db.ScanAssignments.Where(a => ids.Contains(a.ScanId)).ToListAsync(cancellationToken)).ToLookup(a => a.ScanId);
        var now = time.GetUtcNow();
        var changed = 0;
        foreach (var scan in scans)
        {
            var before = Effective(rows[scan.Id], radiologists.Keys);
            var after = change is null ? null : change(before.Raters, raterIds).ToHashSet(StringComparer.Ordinal);
            if (after is { Count: 0 })
            {
                return AssignmentChangeResult.Refused(
                    $"{scan.PseudonymousId} would have no radiologist left (a scan without assignments goes to every radiologist); assign another rater first, or exclude the scan.");
            }

            // Nothing to do when nobody's worklist changes; a default scan stays default then.
            if (after is null ? before.EveryRadiologist : after.SetEquals(before.Raters))
            {
                continue;
            }

            Apply(db, scan.Id, rows[scan.Id], after, radiologists.Keys, now);
            var afterState = after is null ? new EffectiveAssignment(true, radiologists.Keys.ToHashSet(StringComparer.Ordinal)) : new EffectiveAssignment(false, after);
            RecordChange(db, actor, scan.Id, scan.PseudonymousId, before, afterState, radiologists);
            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AssignmentChangeResult(changed, null);
    }

    private static EffectiveAssignment Effective(IEnumerable<ScanAssignment> rows, IEnumerable<string> radiologists)
    {
        var explicitRaters = rows.Select(r => r.RaterId).ToHashSet(StringComparer.Ordinal);
        return explicitRaters.Count == 0
            ? new EffectiveAssignment(true, radiologists.ToHashSet(StringComparer.Ordinal))
            : new EffectiveAssignment(false, radiologists.Where(explicitRaters.Contains).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Makes the scan's rows say <paramref name="after"/> (null: no rows). Rows of users who are no longer radiologists stay unless the scan goes back to the default.</summary>
    private static void Apply(BlendSignDbContext db, int scanId, IEnumerable<ScanAssignment> rows, HashSet<string>? after, IEnumerable<string> radiologists, DateTimeOffset now)
    {
        var existing = rows.ToList();
        var radiologistSet = radiologists.ToHashSet(StringComparer.Ordinal);
        db.ScanAssignments.RemoveRange(existing.Where(r => after is null || radiologistSet.Contains(r.RaterId) && !after.Contains(r.RaterId)));
        foreach (var raterId in after?.Where(id => existing.All(r => r.RaterId != id)) ?? [])
        {
            db.ScanAssignments.Add(new ScanAssignment { ScanId = scanId, RaterId = raterId, AssignedAt = now });
        }
    }

    /// <summary>One entry per rater who gained or lost the scan; one without a subject when only the default changed.</summary>
    private static void RecordChange(BlendSignDbContext db, AuditActor actor, int scanId, string scanKey,
        EffectiveAssignment before, EffectiveAssignment after, IReadOnlyDictionary<string, string> names)
    {
        var (oldText, newText) = (Describe(before, names), Describe(after, names));
        var gained = after.Raters.Except(before.Raters).Select(id => (id, AuditAction.Create));
        var lost = before.Raters.Except(after.Raters).Select(id => (id, AuditAction.Delete));
        var any = false;
        foreach (var (raterId, action) in gained.Concat(lost).OrderBy(c => names[c.id], StringComparer.Ordinal))
        {
            db.Record(actor, action, AuditEntity.Assignment, scanKey, oldText, newText, scanId, subjectName: names[raterId]);
            any = true;
        }

        if (!any)
        {
            db.Record(actor, AuditAction.Change, AuditEntity.Assignment, scanKey, oldText, newText, scanId);
        }
    }

    private static string Describe(EffectiveAssignment state, IReadOnlyDictionary<string, string> names) =>
        state.EveryRadiologist
            ? EveryRadiologistText
            : state.Raters.Count == 0
                ? "nobody"
                : string.Join(", ", state.Raters.Select(id => names[id]).Order(StringComparer.Ordinal));

    internal static async Task<List<AssignedRater>> RadiologistsAsync(BlendSignDbContext db, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == Roles.Radiologist
               orderby user.UserName
               select new AssignedRater(user.Id, user.UserName!))
            .ToListAsync(cancellationToken);

    private sealed record EffectiveAssignment(bool EveryRadiologist, HashSet<string> Raters);
}
