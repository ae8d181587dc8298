using BlendSign.Data.Gold;
using BlendSign.Data.Persistence;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Training;

/// <summary>
/// What a run trains on: every slice of a scan not excluded by the study's criteria whose raters' majority vote
/// gives a gold label (<see cref="MajorityVote"/>, three raters expected), grouped by scan.
/// </summary>
internal sealed record TrainingSet(
    IReadOnlyList<TrainingExample> Examples,
    IReadOnlyDictionary<string, string> StoreKeys,
    IReadOnlyDictionary<string, int> SliceIds)
{
    public const int ExpectedRaters = 3;

    public static async Task<TrainingSet> LoadAsync(BlendSignDbContext db, CancellationToken cancellationToken)
    {
        var slices = await db.Slices.AsNoTracking()
            .Where(s => s.Scan.Exclusion == null)
            .OrderBy(s => s.ScanId).ThenBy(s => s.SliceIndex)
            .Select(s => new { s.Id, s.ScanId, s.SopInstanceUid, s.StoreKey })
            .ToListAsync(cancellationToken);
        var labels = (await db.SliceLabels.AsNoTracking()
                .Where(l => l.Slice.Scan.Exclusion == null)
                .Select(l => new { l.SliceId, l.Label })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.SliceId, l => l.Label);

        var examples = new List<TrainingExample>();
        var storeKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var sliceIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            var gold = MajorityVote.Decide([.. labels[slice.Id]], ExpectedRaters);
            if (gold.Label is not { } label || !storeKeys.TryAdd(slice.SopInstanceUid, slice.StoreKey))
            {
                continue;
            }

            sliceIds[slice.SopInstanceUid] = slice.Id;
            examples.Add(new TrainingExample(slice.SopInstanceUid, slice.ScanId.ToString(System.Globalization.CultureInfo.InvariantCulture), (int)label));
        }

        return new TrainingSet(examples, storeKeys, sliceIds);
    }
}
