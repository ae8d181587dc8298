using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// The labeled entries of the run's gold snapshot, with its consensus boxes as the detection target. Runs from before
/// snapshots existed use <see cref="LoadAsync"/>: the majority vote of three expected raters.
/// </summary>
internal sealed record TrainingSet(
    IReadOnlyList<TrainingExample> Examples,
    IReadOnlyDictionary<string, string> StoreKeys,
    IReadOnlyDictionary<string, int> SliceIds)
{
    public const int ExpectedRaters = 3;

    public static async Task<TrainingSet> FromSnapshotAsync(BlendSignDbContext db, int snapshotId, CancellationToken cancellationToken)
    {
        var entries = await db.GoldSnapshotEntries.AsNoTracking()
            .Where(e => e.GoldSnapshotId == snapshotId && e.Label != null)
            .OrderBy(e => e.Slice.ScanId).ThenBy(e => e.Slice.SliceIndex)
            .Select(e => new { e.SliceId, e.Slice.ScanId, e.Slice.SopInstanceUid, e.Slice.StoreKey, Label = e.Label!.Value })
            .ToListAsync(cancellationToken);
        var boxes = (await db.GoldSnapshotBoxes.AsNoTracking()
                .Where(b => b.GoldSnapshotId == snapshotId && b.Right > b.Left && b.Bottom > b.Top)
                .OrderBy(b => b.Id)
                .Select(b => new { b.SliceId, b.Left, b.Top, b.Right, b.Bottom, b.Slice.Columns, b.Slice.Rows })
                .ToListAsync(cancellationToken))
            .ToLookup(b => b.SliceId, b => new GoldBox(b.Left, b.Top, b.Right, b.Bottom, b.Columns, b.Rows));
        return Build(entries.Select(e => (e.SliceId, e.ScanId, e.SopInstanceUid, e.StoreKey, e.Label)), boxes);
    }

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

        return Build(slices
            .Select(s => (s.Id, s.ScanId, s.SopInstanceUid, s.StoreKey, Gold: MajorityVote.Decide([.. labels[s.Id]], ExpectedRaters).Label))
            .Where(s => s.Gold is not null)
            .Select(s => (s.Id, s.ScanId, s.SopInstanceUid, s.StoreKey, s.Gold!.Value)), boxes: null);
    }

    private static TrainingSet Build(
        IEnumerable<(int SliceId, int ScanId, string Sop, string StoreKey, HemorrhageClass Label)> slices, ILookup<int, GoldBox>? boxes)
    {
        var examples = new List<TrainingExample>();
        var storeKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var sliceIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (sliceId, scanId, sop, storeKey, label) in slices)
        {
            if (!storeKeys.TryAdd(sop, storeKey))
            {
                continue;
            }

            sliceIds[sop] = sliceId;
            IReadOnlyList<GoldBox>? sliceBoxes = boxes?[sliceId].ToArray() is { Length: > 0 } found ? found : null;
            examples.Add(new TrainingExample(sop, scanId.ToString(System.Globalization.CultureInfo.InvariantCulture), (int)label, sliceBoxes));
        }

        return new TrainingSet(examples, storeKeys, sliceIds);
    }
}
