using BlendSign.Data.Persistence;
using BlendSign.Data.Review;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Reading;

public sealed partial class ReadingService
{
    /// <summary>
    /// Open: the slice's latest review decision is an uncompleted re-read and the rater has not saved a label since. The
    /// rater learns only that a re-read is requested, never why nor what others read.
    /// </summary>
    internal static IQueryable<ReviewDecision> OpenRereads(BlendSignDbContext db, string raterId) =>
        db.ReviewDecisions.Where(d => d.Outcome == ReviewOutcome.Reread && d.RereadCompletedAt == null
            && !db.ReviewDecisions.Any(later => later.SliceId == d.SliceId && later.Id > d.Id)
            && !db.SliceLabels.Any(l => l.SliceId == d.SliceId && l.RaterId == raterId && l.UpdatedAt > d.DecidedAt));

    private static Task<bool> RereadRequestedAsync(BlendSignDbContext db, int sliceId, string raterId, CancellationToken cancellationToken) =>
        OpenRereads(db, raterId).AnyAsync(d => d.SliceId == sliceId, cancellationToken);

    /// <summary>
    /// After a rater saved a label: when every rater with a label on the slice has saved it since the re-read was
    /// requested, the request is marked completed (through the caller's context; saved with its next SaveChanges).
    /// </summary>
    private static async Task CompleteRereadAsync(BlendSignDbContext db, int sliceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.ReviewDecisions
            .Where(d => d.SliceId == sliceId && d.Outcome == ReviewOutcome.Reread && d.RereadCompletedAt == null)
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is null || await db.ReviewDecisions.AnyAsync(d => d.SliceId == sliceId && d.Id > open.Id, cancellationToken))
        {
            return;
        }

        var labels = await db.SliceLabels.Where(l => l.SliceId == sliceId).ToListAsync(cancellationToken);
        var pending = labels.Concat(db.SliceLabels.Local.Where(l => l.SliceId == sliceId && l.Id == 0))
            .Any(l => l.UpdatedAt <= open.DecidedAt);
        if (!pending)
        {
            open.RereadCompletedAt = now;
        }
    }
}
