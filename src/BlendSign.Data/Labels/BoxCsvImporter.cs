using BlendSign.Data.Audit;
using BlendSign.Data.Csv;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Labels;

/// <summary>
/// For each (rater, slice) the file names, its boxes replace that rater's boxes there; others are left alone. All rows
/// or none; each box added or removed is audited (source csv) in the same transaction.
/// </summary>
public sealed class BoxCsvImporter(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    TimeProvider time,
    ILogger<BoxCsvImporter> logger)
{
    public async Task<BoxImportResult> ImportAsync(TextReader text, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(actor);
        var parsed = BoxCsvParser.Parse(text);
        if (parsed.Rows.Count == 0 && parsed.Error is not null)
        {
            return Refuse(parsed.Error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var targets = await RaterSliceTargets.LoadAsync(db, parsed.Rows, cancellationToken);
        if ((parsed.Rows.Select(r => targets.Unknown(r) ?? OutsideSlice(r, targets)).FirstOrDefault(e => e is not null) ?? parsed.Error) is { } error)
        {
            return Refuse(error);
        }

        var groups = parsed.Rows
            .GroupBy(r => (Rater: targets.RaterOf(r), Slice: targets.SliceOf(r)))
            .ToList();
        var existing = await LoadExistingAsync(db, groups, cancellationToken);
        var (changes, created, deleted, unchanged) = Replace(db, groups, existing, time.GetUtcNow());

        // Saved first so the audit entries can name the new boxes' ids; the transaction keeps it all or nothing.
        await db.SaveChangesAsync(cancellationToken);
        Audit(db, actor, changes);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Imported boxes from CSV: {Rows} rows for {Pairs} (rater, slice) pairs; {Created} created, {Deleted} deleted, {Unchanged} unchanged",
            parsed.Rows.Count, groups.Count, created, deleted, unchanged);
        return new BoxImportResult(parsed.Rows.Count, groups.Count, created, deleted, unchanged, null);
    }

    private static async Task<ILookup<(int SliceId, string RaterId), HemorrhageBox>> LoadExistingAsync(
        BlendSignDbContext db, IReadOnlyList<IGrouping<(RaterTarget Rater, SliceTarget Slice), BoxCsvRow>> groups, CancellationToken cancellationToken)
    {
        var sliceIds = groups.Select(g => g.Key.Slice.Id).Distinct().ToList();
        var raterIds = groups.Select(g => g.Key.Rater.Id).Distinct().ToList();
        return (await db.HemorrhageBoxes
                .Where(b => sliceIds.Contains(b.SliceId) && raterIds.Contains(b.RaterId))
                .ToListAsync(cancellationToken))
            .ToLookup(b => (b.SliceId, b.RaterId));
    }

    /// <summary>Replaces each named (rater, slice)'s boxes with the file's, in the context only (nothing saved yet).</summary>
    private static (List<BoxChange> Changes, int Created, int Deleted, int Unchanged) Replace(
        BlendSignDbContext db, IReadOnlyList<IGrouping<(RaterTarget Rater, SliceTarget Slice), BoxCsvRow>> groups,
        ILookup<(int SliceId, string RaterId), HemorrhageBox> existing, DateTimeOffset now)
    {
        int created = 0, deleted = 0, unchanged = 0;
        var changes = new List<BoxChange>();
        foreach (var group in groups)
        {
            var (rater, slice) = group.Key;
            var kept = existing[(slice.Id, rater.Id)].ToList();
            foreach (var row in group)
            {
                // An identical box already there stays (no audit noise for a file that repeats what is stored).
                if (kept.FirstOrDefault(b => Geometry(b) == row.Box) is { } same)
                {
                    kept.Remove(same);
                    unchanged++;
                    continue;
                }

                var box = new HemorrhageBox
                {
                    SliceId = slice.Id, RaterId = rater.Id, UpdatedAt = now,
                    Left = row.Box.Left, Top = row.Box.Top, Right = row.Box.Right, Bottom = row.Box.Bottom,
                    CenterX = row.Box.CenterX, CenterY = row.Box.CenterY,
                };
                db.HemorrhageBoxes.Add(box);
                changes.Add(new BoxChange(AuditAction.Create, box, rater, slice));
                created++;
            }

            foreach (var stale in kept)
            {
                db.HemorrhageBoxes.Remove(stale);
                changes.Add(new BoxChange(AuditAction.Delete, stale, rater, slice));
                deleted++;
            }
        }

        return (changes, created, deleted, unchanged);
    }

    private static void Audit(BlendSignDbContext db, AuditActor actor, IReadOnlyList<BoxChange> changes)
    {
        foreach (var (action, box, rater, slice) in changes)
        {
            var value = AuditValue(box);
            db.Record(actor, action, AuditEntity.Box, slice.SopInstanceUid, action == AuditAction.Delete ? value : null,
                action == AuditAction.Create ? value : null, slice.ScanId, slice.Id, rater.UserName);
        }
    }

    private static CsvImportError? OutsideSlice(BoxCsvRow row, RaterSliceTargets targets)
    {
        var slice = targets.SliceOf(row);
        return BoxProblems.Bounds(row.Box, slice.Columns, slice.Rows) is { } problem ? new CsvImportError(row.LineNumber, problem) : null;
    }

    private static BoxGeometry Geometry(HemorrhageBox box) => new(box.Left, box.Top, box.Right, box.Bottom, box.CenterX, box.CenterY);

    /// <summary>The same shape as the reading workspace's box entries, so the trail reads alike whatever the source.</summary>
    private static object AuditValue(HemorrhageBox box) => new
    {
        id = box.Id,
        left = box.Left,
        top = box.Top,
        right = box.Right,
        bottom = box.Bottom,
        centerX = box.CenterX,
        centerY = box.CenterY,
    };

    private BoxImportResult Refuse(CsvImportError error)
    {
        logger.LogWarning("Refused a boxes CSV at line {Line}; nothing was imported", error.LineNumber);
        return BoxImportResult.Refused(error);
    }
}
