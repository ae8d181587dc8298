using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Reading;

/// <summary>
/// A rater's view of the data. Every query takes the rater's id and returns only that rater's reads:
/// blinding is enforced here, on the server, not by hiding things in the page.
/// </summary>
public sealed class ReadingService(IDbContextFactory<BlendSignDbContext> factory)
{
    public async Task<IReadOnlyList<ScanSummary>> ListScansAsync(string raterId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Scans
            .OrderBy(s => s.PseudonymousId)
            .Select(s => new ScanSummary(
                s.Id,
                s.PseudonymousId,
                s.SeriesDescription,
                s.Slices.Count,
                db.SliceLabels.Count(l => l.RaterId == raterId && l.Slice.ScanId == s.Id),
                s.Exclusion != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The scan's slices in order with the rater's own labels; null for an unknown scan.</summary>
    public async Task<ScanReading?> OpenScanAsync(int scanId, string raterId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scan = await db.Scans.Where(s => s.Id == scanId)
            .Select(s => new { s.Id, s.PseudonymousId })
            .SingleOrDefaultAsync(cancellationToken);
        if (scan is null)
        {
            return null;
        }

        var slices = await db.Slices.Where(s => s.ScanId == scanId)
            .OrderBy(s => s.SliceIndex)
            .Select(s => new SliceReading(
                s.Id,
                s.SopInstanceUid,
                s.SliceIndex,
                db.SliceLabels.Where(l => l.SliceId == s.Id && l.RaterId == raterId).Select(l => (HemorrhageClass?)l.Label).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new ScanReading(scan.Id, scan.PseudonymousId, slices);
    }

    /// <summary>Sets (creates or changes) the rater's label of one slice; false when the slice does not exist.</summary>
    public async Task<bool> SetLabelAsync(int sliceId, string raterId, HemorrhageClass label, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Slices.AnyAsync(s => s.Id == sliceId, cancellationToken))
        {
            return false;
        }

        var existing = await db.SliceLabels.SingleOrDefaultAsync(l => l.SliceId == sliceId && l.RaterId == raterId, cancellationToken);
        if (existing is null)
        {
            db.SliceLabels.Add(new SliceLabel { SliceId = sliceId, RaterId = raterId, Label = label, UpdatedAt = DateTimeOffset.UtcNow });
        }
        else if (existing.Label != label)
        {
            existing.Label = label;
            existing.UpdatedAt = DateTimeOffset.UtcNow;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
