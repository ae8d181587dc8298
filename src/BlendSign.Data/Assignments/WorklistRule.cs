using BlendSign.Data.Persistence;
using BlendSign.Data.Scans;

namespace BlendSign.Data.Assignments;

/// <summary>The one rule for whose worklist a scan is on, for every query that needs it (worklists, progress, next unread scan).</summary>
public static class WorklistRule
{
    /// <summary>Scans assigned to the rater, and scans assigned to nobody (those go to every radiologist).</summary>
    public static IQueryable<Scan> OnWorklistOf(this IQueryable<Scan> scans, BlendSignDbContext db, string raterId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return scans.Where(s => !db.ScanAssignments.Any(a => a.ScanId == s.Id)
            || db.ScanAssignments.Any(a => a.ScanId == s.Id && a.RaterId == raterId));
    }
}
