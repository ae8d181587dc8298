using BlendSign.Data.Audit;
using BlendSign.Data.Scans;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Reading;

public sealed partial class ReadingService
{
    /// <summary>A null <paramref name="exclusion"/> clears it; "other" needs a note; an excluded scan leaves agreement, training and the exports.</summary>
    public async Task<ReadingOutcome> SetExclusionAsync(int scanId, Reader reader, ExclusionState? exclusion, CancellationToken cancellationToken = default)
    {
        if (exclusion is not null && Check(exclusion) is { } invalid)
        {
            return invalid;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scan = await db.Scans.SingleOrDefaultAsync(s => s.Id == scanId, cancellationToken);
        if (scan is null)
        {
            return ReadingOutcome.Refused(ReadingRefusal.UnknownScan, $"There is no scan {scanId}; nothing was saved.");
        }

        var assigned = reader.IsRadiologist && await ScanAccess.IsAssignedAsync(db, scanId, reader.UserId, cancellationToken);
        if (!assigned && !reader.IsLead)
        {
            return ReadingOutcome.Refused(ReadingRefusal.NotAllowed,
                "Only a radiologist the scan is assigned to, or a lead, may set its exclusion; nothing was saved.");
        }

        var old = scan.Exclusion is { } reason ? new ExclusionState(reason, scan.ExclusionNote) : null;
        var next = exclusion is null ? null : Normalize(exclusion);
        if (old == next)
        {
            return ReadingOutcome.Saved;
        }

        scan.Exclusion = next?.Reason;
        scan.ExclusionNote = next?.Note;
        var action = old is null ? AuditAction.Create : next is null ? AuditAction.Delete : AuditAction.Change;
        db.Record(reader.Actor, action, AuditEntity.Exclusion, scan.PseudonymousId, AuditValue(old), AuditValue(next), scan.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ReadingOutcome.Saved;
    }

    private static ReadingOutcome? Check(ExclusionState exclusion)
    {
        if (!Enum.IsDefined(exclusion.Reason))
        {
            return ReadingOutcome.Refused(ReadingRefusal.UnknownExclusion,
                $"Unknown exclusion criterion; use one of {string.Join(", ", ExclusionNames.All.Select(ExclusionNames.ToWireName))}.");
        }

        if (exclusion.Reason == ScanExclusion.Other && string.IsNullOrWhiteSpace(exclusion.Note))
        {
            return ReadingOutcome.Refused(ReadingRefusal.NoteRequired, "Say why the scan is excluded: \"other\" needs a note.");
        }

        if (exclusion.Note?.Trim().Length > ExclusionState.MaxNoteLength)
        {
            return ReadingOutcome.Refused(ReadingRefusal.NoteTooLong, $"The note may hold at most {ExclusionState.MaxNoteLength} characters.");
        }

        return null;
    }

    private static ExclusionState Normalize(ExclusionState exclusion) =>
        exclusion with { Note = string.IsNullOrWhiteSpace(exclusion.Note) ? null : exclusion.Note.Trim() };

    private static object? AuditValue(ExclusionState? exclusion) =>
        exclusion is null ? null : new { reason = exclusion.ReasonName, note = exclusion.Note };
}
