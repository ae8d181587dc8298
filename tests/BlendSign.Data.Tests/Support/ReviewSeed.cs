using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Training;

namespace BlendSign.Data.Tests.Support;

/// <summary>
/// A reviewable database: raters rater1..3 and a reviewer, one scan whose slices (SOP <c>{uidRoot}.{i}</c>) have the given
/// three reads each, a gold snapshot of them, and a completed training run on that snapshot with the given
/// out-of-fold probabilities per slice (non_ich, normal_ich, blend_sign).
/// </summary>
internal static class ReviewSeed
{
    public sealed record Seeded(int RunId, int SnapshotId, IReadOnlyDictionary<string, string> Users, IReadOnlyList<int> SliceIds);

    public sealed record SliceSpec(HemorrhageClass[] Reads, double[] Probabilities);

    public static async Task<Seeded> SeedAsync(TestDatabase database, IReadOnlyList<SliceSpec> slices, string uidRoot = "7.7")
    {
        var users = RatingSeed.AddUsers(database, "rater1", "rater2", "rater3", "reviewer");
        RatingSeed.AddScan(database, uidRoot, slices.Count);
        for (var i = 0; i < slices.Count; i++)
        {
            for (var r = 0; r < slices[i].Reads.Length; r++)
            {
                RatingSeed.AddLabel(database, users[$"rater{r + 1}"], $"{uidRoot}.{i}", slices[i].Reads[r]);
            }
        }

        var snapshot = await new GoldSnapshotService(database, TimeProvider.System)
            .CreateAsync(GoldSnapshotService.TrainingReason, AuditActor.System("test"));
        await using var db = database.CreateDbContext();
        var sliceIds = Enumerable.Range(0, slices.Count)
            .Select(i => db.Slices.Single(s => s.SopInstanceUid == $"{uidRoot}.{i}").Id)
            .ToList();
        var gold = db.GoldSnapshotEntries.Where(e => e.GoldSnapshotId == snapshot.Id).ToDictionary(e => e.SliceId, e => e.Label);
        var run = new TrainingRun
        {
            Status = TrainingRunStatus.Completed,
            ConfigurationJson = """{"folds":3,"epochs":2,"image_size":64,"batch_size":4,"backbone":"resnet18","seed":7}""",
            Seed = 7,
            GoldSnapshotId = snapshot.Id,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishedAt = DateTimeOffset.UtcNow,
            Predictions = slices.Select((s, i) => new SlicePrediction
            {
                SliceId = sliceIds[i],
                Fold = i % 3,
                GoldLabel = gold[sliceIds[i]] ?? HemorrhageClass.NonIch,
                PNonIch = s.Probabilities[0],
                PNormalIch = s.Probabilities[1],
                PBlendSign = s.Probabilities[2],
            }).ToList(),
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        return new Seeded(run.Id, snapshot.Id, users, sliceIds);
    }

    public static SliceSpec Unanimous(HemorrhageClass label, params double[] probabilities) => new([label, label, label], probabilities);

    public static SliceSpec Reads(HemorrhageClass[] reads, params double[] probabilities) => new(reads, probabilities);
}
