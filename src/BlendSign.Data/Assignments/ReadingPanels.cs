using BlendSign.Data.Audit;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Assignments;

/// <summary>
/// Granting or removing the radiologist role would change the expected readers (and void gold labels) of every default
/// scan already being read, so first each such scan with a label gets the current radiologists as explicit rows.
/// </summary>
public static class ReadingPanels
{
    /// <summary>Inside the caller's transaction; audits one assignment change per scan. Returns the scans fixed.</summary>
    public static async Task<int> FixStartedScansInAsync(
        BlendSignDbContext db, AuditActor actor, string because, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var radiologists = await AssignmentService.RadiologistsAsync(db, cancellationToken);
        if (radiologists.Count == 0)
        {
            return 0;
        }

        var started = await db.Scans
            .Where(s => !db.ScanAssignments.Any(a => a.ScanId == s.Id) && s.Slices.Any(sl => db.SliceLabels.Any(l => l.SliceId == sl.Id)))
            .OrderBy(s => s.PseudonymousId)
            .Select(s => new { s.Id, s.PseudonymousId })
            .ToListAsync(cancellationToken);
        var names = string.Join(", ", radiologists.Select(r => r.UserName));
        foreach (var scan in started)
        {
            db.ScanAssignments.AddRange(radiologists.Select(r => new ScanAssignment { ScanId = scan.Id, RaterId = r.Id, AssignedAt = now }));
            db.Record(actor, AuditAction.Change, AuditEntity.Assignment, scan.PseudonymousId,
                AssignmentService.EveryRadiologistText, $"{names} ({because})", scan.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return started.Count;
    }
}
