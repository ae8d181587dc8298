using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Review;

/// <summary>Against the latest snapshot. For leads: it shows other raters' reads, so never to a radiologist.</summary>
public sealed class RaterFeedbackService(IDbContextFactory<BlendSignDbContext> dbFactory, GoldSnapshotService snapshots)
{
    public async Task<RaterFeedbackReport> ComputeAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await snapshots.LatestAsync(cancellationToken);
        if (snapshot is null)
        {
            return new RaterFeedbackReport(null, []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SliceLabels.AsNoTracking()
            .Join(db.GoldSnapshotEntries.Where(e => e.GoldSnapshotId == snapshot.Id && e.Label != null),
                l => l.SliceId, e => e.SliceId,
                (l, e) => new { Rater = l.Rater.UserName!, Gold = e.Label!.Value, l.Label, l.UpdatedAt })
            .ToListAsync(cancellationToken);
        return new RaterFeedbackReport(snapshot, Compute(rows.Select(r => new RatedAgainstGold(r.Rater, r.Gold, r.Label, r.UpdatedAt))));
    }

    public static IReadOnlyList<RaterFeedback> Compute(IEnumerable<RatedAgainstGold> reads) =>
        reads.GroupBy(r => r.Rater, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var all = g.ToList();
                var confusion = HemorrhageClassNames.All
                    .Select(gold => (IReadOnlyList<int>)HemorrhageClassNames.All.Select(called => all.Count(r => r.Gold == gold && r.Called == called)).ToList())
                    .ToList();
                var weeks = all.GroupBy(r => WeekStart(r.UpdatedAt))
                    .OrderBy(w => w.Key)
                    .Select(w => new RaterWeek(w.Key, w.Count(), w.Count(r => r.Gold != r.Called), Kinds(w)))
                    .ToList();
                return new RaterFeedback(g.Key, confusion, all.Count, all.Count(r => r.Gold != r.Called), Kinds(all), weeks);
            })
            .ToList();

    /// <summary>The Monday (UTC) of the week holding <paramref name="at"/>.</summary>
    public static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static List<RaterErrorKind> Kinds(IEnumerable<RatedAgainstGold> reads) =>
        reads.Where(r => r.Gold != r.Called)
            .GroupBy(r => (r.Gold, r.Called))
            .Select(k => new RaterErrorKind(k.Key.Gold, k.Key.Called, k.Count()))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Gold).ThenBy(k => k.Called)
            .ToList();
}
