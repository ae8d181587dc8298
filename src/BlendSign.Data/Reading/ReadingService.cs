using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Reading;

/// <summary>
/// Blinding is enforced here, on the server, not by hiding things in the page: every query returns only the reader's
/// own reads on scans they may open. Every write is audited in the same SaveChanges; a refused one changes nothing.
/// </summary>
public sealed partial class ReadingService(IDbContextFactory<BlendSignDbContext> factory, TimeProvider time)
{
    public async Task<IReadOnlyList<ScanSummary>> ListScansAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var raterId = reader.UserId;
        var everyone = reader.SeesAllScans;
        return await db.Scans.VisibleTo(db, reader)
            .OrderBy(s => s.PseudonymousId)
            .Select(s => new ScanSummary(
                s.Id,
                s.PseudonymousId,
                s.SeriesDescription,
                s.Slices.Count,
                db.SliceLabels.Count(l => l.RaterId == raterId && l.Slice.ScanId == s.Id),
                s.Exclusion)
            {
                RereadRequests = OpenRereads(db, raterId).Count(d => d.Slice.ScanId == s.Id),
                LabelsByAll = everyone ? db.SliceLabels.Count(l => l.Slice.ScanId == s.Id) : 0,
                Raters = everyone ? db.SliceLabels.Where(l => l.Slice.ScanId == s.Id).Select(l => l.RaterId).Distinct().Count() : 0,
                FirstSopInstanceUid = reader.IsLead ? s.Slices.OrderBy(x => x.SliceIndex).Select(x => x.SopInstanceUid).FirstOrDefault() : null,
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>An in-progress scan before one not started, in worklist order; null when nothing is left.</summary>
    public async Task<ScanSummary?> NextUnreadAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        if (!reader.IsRadiologist)
        {
            return null;
        }

        var worklist = await ListScansAsync(reader with { SeesAllScans = false }, cancellationToken);
        return NextUnread(worklist);
    }

    public static ScanSummary? NextUnread(IEnumerable<ScanSummary> worklist) =>
        worklist.Where(s => !s.Excluded && (s.Status != ReadingStatus.Done || s.RereadRequests > 0) && s.Slices > 0)
            .OrderBy(s => s.Status == ReadingStatus.InProgress ? 0 : 1)
            .FirstOrDefault();

    /// <summary>Null also for a scan the reader may not open: a radiologist's unassigned scan looks exactly like a missing one.</summary>
    public async Task<ScanReading?> OpenScanAsync(int scanId, Reader reader, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scan = await db.Scans.Where(s => s.Id == scanId).VisibleTo(db, reader)
            .Select(s => new { s.Id, s.PseudonymousId, s.Exclusion, s.ExclusionNote })
            .SingleOrDefaultAsync(cancellationToken);
        if (scan is null)
        {
            return null;
        }

        var raterId = reader.UserId;
        var labels = await db.SliceLabels.Where(l => l.RaterId == raterId && l.Slice.ScanId == scanId)
            .ToDictionaryAsync(l => l.SliceId, cancellationToken);
        var boxes = (await db.HemorrhageBoxes.Where(b => b.RaterId == raterId && b.Slice.ScanId == scanId)
                .OrderBy(b => b.Id)
                .ToListAsync(cancellationToken))
            .Select(ToReading)
            .ToLookup(b => b.SliceId);
        var rereads = (await OpenRereads(db, raterId).Where(d => d.Slice.ScanId == scanId).Select(d => d.SliceId).ToListAsync(cancellationToken))
            .ToHashSet();
        var slices = (await db.Slices.Where(s => s.ScanId == scanId)
                .OrderBy(s => s.SliceIndex)
                .Select(s => new { s.Id, s.SopInstanceUid, s.SliceIndex, s.Columns, s.Rows })
                .ToListAsync(cancellationToken))
            .Select(s => new SliceReading(s.Id, s.SopInstanceUid, s.SliceIndex, s.Columns, s.Rows,
                labels.TryGetValue(s.Id, out var label) ? label.Label : null, boxes[s.Id].ToList())
            {
                RereadRequested = rereads.Contains(s.Id),
                BlendSignMeasurement = label is { BlendSignRoiMeanA: { } a, BlendSignRoiMeanB: { } b } ? new BlendSignMeasurement(a, b) : null,
            })
            .ToList();

        var assigned = reader.IsRadiologist && await ScanAccess.IsAssignedAsync(db, scanId, raterId, cancellationToken);
        var exclusion = scan.Exclusion is { } reason ? new ExclusionState(reason, scan.ExclusionNote) : null;
        return new ScanReading(scan.Id, scan.PseudonymousId, slices, exclusion, CanLabel: assigned, CanExclude: assigned || reader.IsLead);
    }

    private static BoxReading ToReading(HemorrhageBox box) =>
        new(box.Id, box.SliceId, new BoxGeometry(box.Left, box.Top, box.Right, box.Bottom, box.CenterX, box.CenterY));

    private async Task<(WritableSlice? Slice, ReadingOutcome? Refusal)> FindWritableSliceAsync(
        BlendSignDbContext db, int sliceId, Reader reader, CancellationToken cancellationToken)
    {
        var slice = await db.Slices.Where(s => s.Id == sliceId)
            .Select(s => new WritableSlice(s.Id, s.ScanId, s.SopInstanceUid, s.Columns, s.Rows))
            .SingleOrDefaultAsync(cancellationToken);
        if (slice is null)
        {
            return (null, ReadingOutcome.Refused(ReadingRefusal.UnknownSlice, $"There is no slice {sliceId}; nothing was saved."));
        }

        if (!reader.IsRadiologist)
        {
            return (null, ReadingOutcome.Refused(ReadingRefusal.NotAllowed, "Only radiologists label slices and draw boxes."));
        }

        if (!await ScanAccess.IsAssignedAsync(db, slice.ScanId, reader.UserId, cancellationToken))
        {
            return (null, ReadingOutcome.Refused(ReadingRefusal.NotAssigned, "This scan is not on your worklist; nothing was saved."));
        }

        return (slice, null);
    }

    private sealed record WritableSlice(int Id, int ScanId, string SopInstanceUid, int Columns, int Rows);
}
