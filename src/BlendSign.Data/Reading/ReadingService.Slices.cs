using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Reading;

public sealed partial class ReadingService
{
    /// <summary>For clients outside the viewer; two queries whatever the worklist's size.</summary>
    public async Task<IReadOnlyList<WorklistScan>> ListWorklistSlicesAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var raterId = reader.UserId;
        var slices = await db.Scans.VisibleTo(db, reader)
            .SelectMany(s => s.Slices)
            .Select(s => new
            {
                s.ScanId,
                s.Scan.PseudonymousId,
                s.Scan.Exclusion,
                s.Id,
                s.SopInstanceUid,
                s.SliceIndex,
            })
            .ToListAsync(cancellationToken);
        var labels = await db.SliceLabels.Where(l => l.RaterId == raterId)
            .ToDictionaryAsync(l => l.SliceId, l => l.Label, cancellationToken);
        return slices
            .GroupBy(s => (s.ScanId, s.PseudonymousId, s.Exclusion))
            .OrderBy(g => g.Key.PseudonymousId, StringComparer.Ordinal)
            .Select(g => new WorklistScan(g.Key.ScanId, g.Key.PseudonymousId, g.Key.Exclusion,
                g.OrderBy(s => s.SliceIndex)
                    .Select(s => new WorklistSlice(s.Id, s.SopInstanceUid, s.SliceIndex, labels.TryGetValue(s.Id, out var label) ? label : null))
                    .ToList()))
            .ToList();
    }

    /// <summary>The id of the slice with this SOP Instance UID; null when there is none. Says nothing about who may read it.</summary>
    public async Task<int?> FindSliceIdAsync(string sopInstanceUid, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Slices.Where(s => s.SopInstanceUid == sopInstanceUid)
            .Select(s => (int?)s.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
