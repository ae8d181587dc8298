using BlendSign.Data.Accounts;
using BlendSign.Data.Dicom;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Scans;
using BlendSign.Data.Storage;

namespace BlendSign.Web.Tests.Support;

/// <summary>
/// Seeds a real database and slice store with small synthetic CT slices (HU = stored − 1024) and three raters' reads:
/// each scan has a non_ich, a normal_ich and, every other scan, a blend_sign slice, all unanimous; plus a tie slice
/// (no gold label) in the first scan and an excluded scan, neither of which may reach training.
/// </summary>
internal static class TrainingData
{
    public const int Size = 40;

    public sealed record Seeded(IReadOnlyList<string> GoldSops, string TieSop, IReadOnlyList<string> ExcludedSops);

    public static async Task<Seeded> SeedAsync(BlendSignDbContext db, SliceStore store, int scans)
    {
        var raters = Enumerable.Range(1, 3).Select(i => new ApplicationUser
        {
            UserName = $"rater{i}",
            NormalizedUserName = $"RATER{i}",
            SecurityStamp = Guid.NewGuid().ToString("N"),
        }).ToArray();
        db.Users.AddRange(raters);

        var gold = new List<string>();
        var excluded = new List<string>();
        string? tie = null;
        for (var s = 0; s <= scans; s++)
        {
            var isExcluded = s == scans;
            var scan = new Scan
            {
                PseudonymousId = $"SCAN-{s:0000}",
                StudyInstanceUid = $"1.2.826.0.1.3680043.10.1.{s}",
                SeriesInstanceUid = $"1.2.826.0.1.3680043.10.2.{s}",
                Modality = "CT",
                ImportedAt = DateTimeOffset.UnixEpoch,
                Exclusion = isExcluded ? ScanExclusion.Postoperative : null,
            };
            db.Scans.Add(scan);
            List<HemorrhageClass> classes = [HemorrhageClass.NonIch, HemorrhageClass.NormalIch];
            if (s % 2 == 0)
            {
                classes.Add(HemorrhageClass.BlendSign);
            }

            for (var i = 0; i < classes.Count + (s == 0 ? 1 : 0); i++)
            {
                var isTie = i == classes.Count;
                var label = isTie ? HemorrhageClass.NormalIch : classes[i];
                var sop = $"1.2.826.0.1.3680043.10.3.{s}.{i}";
                var slice = new Slice
                {
                    Scan = scan,
                    SopInstanceUid = sop,
                    SliceIndex = i,
                    Rows = Size,
                    Columns = Size,
                    StoreKey = store.Put(Synthetic(label, seed: s * 10 + i)),
                    TransferSyntaxUid = "1.2.840.10008.1.2.1",
                };
                db.Slices.Add(slice);
                HemorrhageClass[] reads = isTie
                    ? [HemorrhageClass.NonIch, HemorrhageClass.NormalIch, HemorrhageClass.BlendSign]
                    : [label, label, label];
                for (var r = 0; r < 3; r++)
                {
                    db.SliceLabels.Add(new SliceLabel { Slice = slice, RaterId = raters[r].Id, Label = reads[r], UpdatedAt = DateTimeOffset.UnixEpoch });
                }

                if (isTie)
                {
                    tie = sop;
                }
                else if (isExcluded)
                {
                    excluded.Add(sop);
                }
                else
                {
                    gold.Add(sop);
                }
            }
        }

        await db.SaveChangesAsync();
        return new Seeded(gold, tie!, excluded);
    }

    /// <summary>Brain-like 30 HU with noise, a 70 HU hematoma for normal ICH, plus a 45 HU core for a blend sign.</summary>
    private static HuSlice Synthetic(HemorrhageClass label, int seed)
    {
        var random = new Random(seed);
        var stored = new short[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var r = Math.Sqrt((x - 20) * (x - 20) + (y - 18) * (y - 18));
                var hu = 30 + random.Next(-3, 4);
                if (label != HemorrhageClass.NonIch && r < 8)
                {
                    hu = label == HemorrhageClass.BlendSign && r < 4 ? 45 : 70;
                }

                stored[y * Size + x] = (short)(hu + 1024);
            }
        }

        return new HuSlice(Size, Size, stored, 1.0, -1024.0);
    }
}
