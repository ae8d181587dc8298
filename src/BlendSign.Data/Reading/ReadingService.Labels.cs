using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Reading;

public sealed partial class ReadingService
{
    /// <summary>Sets (creates or changes) the rater's label of one slice, audited; setting the same label again changes nothing.</summary>
    public async Task<ReadingOutcome> SetLabelAsync(int sliceId, Reader reader, HemorrhageClass label, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(label))
        {
            return ReadingOutcome.Refused(ReadingRefusal.UnknownClass,
                $"Unknown class {(int)label}; use one of {string.Join(", ", HemorrhageClassNames.All.Select(c => c.ToWireName()))}.");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (slice, refusal) = await FindWritableSliceAsync(db, sliceId, reader, cancellationToken);
        if (slice is null)
        {
            return refusal!;
        }

        var existing = await OwnLabelAsync(db, sliceId, reader, cancellationToken);
        // The same label again changes nothing, unless it answers a re-read request: then it confirms the read.
        var now = time.GetUtcNow();
        if (existing?.Label == label && !await RereadRequestedAsync(db, sliceId, reader.UserId, cancellationToken))
        {
            return ReadingOutcome.Saved;
        }

        var old = existing?.Label.ToWireName();
        if (existing is null)
        {
            db.SliceLabels.Add(new SliceLabel { SliceId = sliceId, RaterId = reader.UserId, Label = label, UpdatedAt = now });
        }
        else
        {
            existing.Label = label;
            existing.UpdatedAt = now;
        }

        db.Record(reader.Actor, existing is null ? AuditAction.Create : AuditAction.Change, AuditEntity.Label, slice.SopInstanceUid,
            old, label.ToWireName(), slice.ScanId, slice.Id, reader.UserName);
        await CompleteRereadAsync(db, sliceId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ReadingOutcome.Saved;
    }

    /// <summary>Attaches the blend-sign helper's two ROI means to the rater's read of one slice (labeled first), audited.</summary>
    public async Task<ReadingOutcome> AttachBlendSignAsync(
        int sliceId, Reader reader, BlendSignMeasurement measurement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (slice, existing, refusal) = await FindOwnLabelAsync(db, sliceId, reader, cancellationToken);
        if (slice is null)
        {
            return refusal!;
        }

        if (existing is null)
        {
            return ReadingOutcome.Refused(ReadingRefusal.NotLabeled, "Label the slice first, then attach the measurement to that read.");
        }

        var old = existing is { BlendSignRoiMeanA: { } a, BlendSignRoiMeanB: { } b } ? new BlendSignMeasurement(a, b).Describe() : null;
        existing.BlendSignRoiMeanA = measurement.MeanA;
        existing.BlendSignRoiMeanB = measurement.MeanB;
        existing.UpdatedAt = time.GetUtcNow();
        db.Record(reader.Actor, old is null ? AuditAction.Create : AuditAction.Change, AuditEntity.Measurement, slice.SopInstanceUid,
            old, measurement.Describe(), slice.ScanId, slice.Id, reader.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return ReadingOutcome.Saved;
    }

    /// <summary>Removes the rater's label of one slice (undo of a first label), audited; no label is no change.</summary>
    public async Task<ReadingOutcome> ClearLabelAsync(int sliceId, Reader reader, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (slice, existing, refusal) = await FindOwnLabelAsync(db, sliceId, reader, cancellationToken);
        if (slice is null)
        {
            return refusal!;
        }

        if (existing is null)
        {
            return ReadingOutcome.Saved;
        }

        db.SliceLabels.Remove(existing);
        db.Record(reader.Actor, AuditAction.Delete, AuditEntity.Label, slice.SopInstanceUid,
            existing.Label.ToWireName(), null, slice.ScanId, slice.Id, reader.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return ReadingOutcome.Saved;
    }

    private async Task<(WritableSlice? Slice, SliceLabel? Label, ReadingOutcome? Refusal)> FindOwnLabelAsync(
        BlendSignDbContext db, int sliceId, Reader reader, CancellationToken cancellationToken)
    {
        var (slice, refusal) = await FindWritableSliceAsync(db, sliceId, reader, cancellationToken);
        return slice is null ? (null, null, refusal) : (slice, await OwnLabelAsync(db, sliceId, reader, cancellationToken), null);
    }

    private static Task<SliceLabel?> OwnLabelAsync(BlendSignDbContext db, int sliceId, Reader reader, CancellationToken cancellationToken) =>
        db.SliceLabels.SingleOrDefaultAsync(l => l.SliceId == sliceId && l.RaterId == reader.UserId, cancellationToken);
}
