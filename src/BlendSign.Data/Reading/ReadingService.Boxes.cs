using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Reading;

public sealed partial class ReadingService
{
    public Task<ReadingOutcome> AddBoxAsync(int sliceId, Reader reader, BoxGeometry geometry, CancellationToken cancellationToken = default) =>
        InsertBoxAsync(sliceId, reader, geometry, boxId: 0, cancellationToken);

    /// <summary>Undo of a delete; refused when the id is taken, so another rater's box can never be overwritten this way.</summary>
    public Task<ReadingOutcome> RestoreBoxAsync(BoxReading box, Reader reader, CancellationToken cancellationToken = default) =>
        InsertBoxAsync(box.SliceId, reader, box.Geometry, box.BoxId, cancellationToken);

    /// <summary>Moves or resizes one of the rater's boxes or moves its center, audited; the same geometry changes nothing.</summary>
    public async Task<ReadingOutcome> UpdateBoxAsync(int boxId, Reader reader, BoxGeometry geometry, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (box, slice, refusal) = await FindOwnBoxAsync(db, boxId, reader, cancellationToken);
        if (box is null || slice is null)
        {
            return refusal!;
        }

        if (geometry.Check(slice.Columns, slice.Rows) is { } invalid)
        {
            return invalid;
        }

        var old = ToReading(box);
        if (old.Geometry == geometry)
        {
            return ReadingOutcome.SavedBox(old);
        }

        Apply(box, geometry);
        box.UpdatedAt = time.GetUtcNow();
        db.Record(reader.Actor, AuditAction.Change, AuditEntity.Box, slice.SopInstanceUid, AuditValue(old), AuditValue(ToReading(box)),
            slice.ScanId, slice.Id, reader.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return ReadingOutcome.SavedBox(ToReading(box));
    }

    /// <summary>Deletes one of the rater's boxes, audited; the outcome carries the deleted box, for an undo.</summary>
    public async Task<ReadingOutcome> DeleteBoxAsync(int boxId, Reader reader, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (box, slice, refusal) = await FindOwnBoxAsync(db, boxId, reader, cancellationToken);
        if (box is null || slice is null)
        {
            return refusal!;
        }

        var old = ToReading(box);
        db.HemorrhageBoxes.Remove(box);
        db.Record(reader.Actor, AuditAction.Delete, AuditEntity.Box, slice.SopInstanceUid, AuditValue(old), null,
            slice.ScanId, slice.Id, reader.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return ReadingOutcome.SavedBox(old);
    }

    private async Task<ReadingOutcome> InsertBoxAsync(int sliceId, Reader reader, BoxGeometry geometry, int boxId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (slice, refusal) = await FindWritableSliceAsync(db, sliceId, reader, cancellationToken);
        if (slice is null)
        {
            return refusal!;
        }

        if (geometry.Check(slice.Columns, slice.Rows) is { } invalid)
        {
            return invalid;
        }

        if (boxId != 0 && await db.HemorrhageBoxes.AnyAsync(b => b.Id == boxId, cancellationToken))
        {
            return ReadingOutcome.Refused(ReadingRefusal.BoxIdInUse, $"Box {boxId} exists already; nothing was restored.");
        }

        var box = new HemorrhageBox { Id = boxId, SliceId = sliceId, RaterId = reader.UserId, UpdatedAt = time.GetUtcNow() };
        Apply(box, geometry);
        // The audit row names the box's id, which the database gives only on insert: two saves, one transaction,
        // so the box never exists without its audit row.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.HemorrhageBoxes.Add(box);
        await db.SaveChangesAsync(cancellationToken);
        db.Record(reader.Actor, AuditAction.Create, AuditEntity.Box, slice.SopInstanceUid, null, AuditValue(ToReading(box)),
            slice.ScanId, slice.Id, reader.UserName);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReadingOutcome.SavedBox(ToReading(box));
    }

    private static void Apply(HemorrhageBox box, BoxGeometry geometry)
    {
        (box.Left, box.Top, box.Right, box.Bottom) = (geometry.Left, geometry.Top, geometry.Right, geometry.Bottom);
        (box.CenterX, box.CenterY) = (geometry.CenterX, geometry.CenterY);
    }

    private static object AuditValue(BoxReading box) => new
    {
        id = box.BoxId,
        left = box.Geometry.Left,
        top = box.Geometry.Top,
        right = box.Geometry.Right,
        bottom = box.Geometry.Bottom,
        centerX = box.Geometry.CenterX,
        centerY = box.Geometry.CenterY,
    };

    /// <summary>One of the reader's own boxes and its slice, if the reader may still write there; else why not.</summary>
    private async Task<(HemorrhageBox? Box, WritableSlice? Slice, ReadingOutcome? Refusal)> FindOwnBoxAsync(
        BlendSignDbContext db, int boxId, Reader reader, CancellationToken cancellationToken)
    {
        var box = await db.HemorrhageBoxes.SingleOrDefaultAsync(b => b.Id == boxId && b.RaterId == reader.UserId, cancellationToken);
        if (box is null)
        {
            return (null, null, UnknownBox(boxId));
        }

        var (slice, refusal) = await FindWritableSliceAsync(db, box.SliceId, reader, cancellationToken);
        return (box, slice, refusal);
    }

    private static ReadingOutcome UnknownBox(int boxId) =>
        ReadingOutcome.Refused(ReadingRefusal.UnknownBox, $"You have no box {boxId}; nothing was changed.");
}
