using BlendSign.Data.Persistence;
using BlendSign.Data.Scans;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Reading;

internal static class ScanAccess
{
    /// <summary>Scans assigned to the rater, or to nobody in particular (no assignment rows: every radiologist reads it).</summary>
    public static IQueryable<Scan> AssignedTo(this IQueryable<Scan> scans, BlendSignDbContext db, string raterId) =>
        scans.Where(s => !db.ScanAssignments.Any(a => a.ScanId == s.Id)
            || db.ScanAssignments.Any(a => a.ScanId == s.Id && a.RaterId == raterId));

    public static IQueryable<Scan> VisibleTo(this IQueryable<Scan> scans, BlendSignDbContext db, Reader reader) =>
        reader.SeesAllScans ? scans : scans.AssignedTo(db, reader.UserId);

    /// <summary>Slices of scans the reader may open: the one check behind every route that serves pixels.</summary>
    public static IQueryable<Slice> VisibleTo(this IQueryable<Slice> slices, BlendSignDbContext db, Reader reader) =>
        reader.SeesAllScans ? slices : slices.Where(slice => db.Scans.AssignedTo(db, reader.UserId).Any(scan => scan.Id == slice.ScanId));

    public static Task<bool> IsAssignedAsync(BlendSignDbContext db, int scanId, string raterId, CancellationToken cancellationToken) =>
        db.Scans.Where(s => s.Id == scanId).AssignedTo(db, raterId).AnyAsync(cancellationToken);
}
