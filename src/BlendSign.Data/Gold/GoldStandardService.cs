using BlendSign.Data.Accounts;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Gold;

/// <summary>
/// Per slice: the majority vote of the expected raters (the scan's assigned radiologists, or every radiologist when it
/// has none), overridden by an adjudication where there is one.
/// </summary>
public sealed class GoldStandardService(IDbContextFactory<BlendSignDbContext> dbFactory)
{
    private readonly ComputedCache<StudyVersion, GoldStandard> _current = new(1);

    /// <summary>Computed once per <see cref="StudyVersion"/>: the pages that show it read it on every visit.</summary>
    public async Task<GoldStandard> ComputeAsync(CancellationToken cancellationToken = default)
    {
        var version = await VersionAsync(cancellationToken);
        return await _current.GetAsync(version, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            return await LoadAsync(db, CancellationToken.None);
        });
    }

    public Task<StudyVersion> VersionAsync(CancellationToken cancellationToken = default) => StudyVersion.ReadAsync(dbFactory, cancellationToken);

    /// <summary>Reads through <paramref name="db"/>, so a caller inside a transaction sees its own changes.</summary>
    /// <param name="onlySliceId">Restricts the result to one slice (cheap, for a single decision).</param>
    internal static async Task<GoldStandard> LoadAsync(BlendSignDbContext db, CancellationToken cancellationToken, int? onlySliceId = null)
    {
        var slices = await db.Slices.AsNoTracking()
            .Where(s => s.Scan.Exclusion == null && (onlySliceId == null || s.Id == onlySliceId))
            .OrderBy(s => s.Scan.PseudonymousId).ThenBy(s => s.SliceIndex).ThenBy(s => s.SopInstanceUid)
            .Select(s => new { s.Id, s.ScanId, s.Scan.PseudonymousId, s.SliceIndex, s.SopInstanceUid, s.Rows, s.Columns })
            .ToListAsync(cancellationToken);
        var labels = (await db.SliceLabels.AsNoTracking()
                .Where(l => l.Slice.Scan.Exclusion == null && (onlySliceId == null || l.SliceId == onlySliceId))
                .Select(l => new { l.SliceId, Rater = l.Rater.UserName!, l.Label })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.SliceId);
        var boxes = (await db.HemorrhageBoxes.AsNoTracking()
                .Where(b => b.Slice.Scan.Exclusion == null && (onlySliceId == null || b.SliceId == onlySliceId))
                .OrderBy(b => b.Id)
                .Select(b => new { b.SliceId, Rater = b.Rater.UserName!, b.CenterX, b.CenterY, b.Left, b.Top, b.Right, b.Bottom })
                .ToListAsync(cancellationToken))
            .ToLookup(b => b.SliceId, b => new RaterBox(b.Rater, b.CenterX, b.CenterY, b.Left, b.Top, b.Right, b.Bottom));
        var assigned = (await db.ScanAssignments.AsNoTracking()
                .Select(a => new { a.ScanId, Rater = a.Rater.UserName! })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ScanId, a => a.Rater);
        var adjudications = await db.Adjudications.AsNoTracking()
            .Where(a => onlySliceId == null || a.SliceId == onlySliceId)
            .ToDictionaryAsync(a => a.SliceId, a => new AdjudicationInfo(a.Label, a.DecidedByName, a.DecidedAt, a.Note), cancellationToken);

        var radiologistRole = await db.Roles.Where(r => r.Name == Roles.Radiologist).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var radiologists = await db.UserRoles.Where(ur => ur.RoleId == radiologistRole)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => u.UserName!)
            .ToListAsync(cancellationToken);

        // Without any radiologist account (a database filled by CSV import), the raters who labeled are expected.
        var everyone = radiologists.Count > 0
            ? radiologists.ToHashSet(StringComparer.Ordinal)
            : labels.SelectMany(g => g.Select(l => l.Rater)).ToHashSet(StringComparer.Ordinal);
        var raters = new SortedSet<string>(everyone, StringComparer.Ordinal);
        raters.UnionWith(labels.SelectMany(g => g.Select(l => l.Rater)));
        raters.UnionWith(assigned.SelectMany(g => g));

        var result = new List<SliceGold>(slices.Count);
        foreach (var slice in slices)
        {
            var expected = assigned[slice.ScanId].Any() ? assigned[slice.ScanId].ToHashSet(StringComparer.Ordinal) : everyone;
            var sliceLabels = labels[slice.Id].ToDictionary(l => l.Rater, l => l.Label, StringComparer.Ordinal);
            var sliceBoxes = boxes[slice.Id].ToList();
            var readers = new SortedSet<string>(expected, StringComparer.Ordinal);
            readers.UnionWith(sliceLabels.Keys);
            readers.UnionWith(sliceBoxes.Select(b => b.Rater));
            var reads = readers
                .Select(r => new RaterRead(r, sliceLabels.TryGetValue(r, out var l) ? l : null, sliceBoxes.Where(b => b.Rater == r).ToList()))
                .ToList();

            var vote = MajorityVote.Decide(sliceLabels.Values, Math.Max(1, expected.Count));
            adjudications.TryGetValue(slice.Id, out var adjudication);
            var decision = adjudication is null
                ? vote
                : new GoldDecision(adjudication.Label, sliceLabels.Values.Count(l => l == adjudication.Label), GoldStatus.Adjudicated);
            result.Add(new SliceGold(slice.Id, slice.SopInstanceUid, slice.ScanId, slice.PseudonymousId, slice.SliceIndex,
                slice.Rows, slice.Columns, vote, decision, reads, BoxConsensus.Build(sliceBoxes), adjudication));
        }

        return new GoldStandard(raters.ToList(), result);
    }
}
