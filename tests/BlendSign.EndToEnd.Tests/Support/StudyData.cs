using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>Reads and runs a browser test needs on a running <see cref="DemoServer"/>, written as the app would write them.</summary>
public static class StudyData
{
    /// <summary>A new one-slice scan read 1-1-1 by rater1, rater2 and rater3: a tie for the lead. Returns its SOP Instance UID.</summary>
    public static async Task<string> AddTieAsync(this DemoServer server, int seed)
    {
        var (scanId, _) = await server.AddUnreadScanAsync(slices: 1, seed);
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        var slice = await db.Slices.SingleAsync(s => s.ScanId == scanId);
        var raters = await db.Users.Where(u => u.UserName == "rater1" || u.UserName == "rater2" || u.UserName == "rater3")
            .OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync();
        HemorrhageClass[] reads = [HemorrhageClass.NonIch, HemorrhageClass.NormalIch, HemorrhageClass.BlendSign];
        db.SliceLabels.AddRange(raters.Select((id, i) => new SliceLabel { SliceId = slice.Id, RaterId = id, Label = reads[i], UpdatedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync();
        return slice.SopInstanceUid;
    }

    /// <summary>
    /// A completed run on a snapshot of the demo's gold standard, written through the real context instead of trained:
    /// every slice predicted as its gold label at 0.8, except <paramref name="suspects"/> non_ich slices the model
    /// calls normal_ich at 0.9 (below the bleed-without-box confidence elsewhere, so only those are queued).
    /// </summary>
    public static async Task<int> AddCompletedRunAsync(this DemoServer server, int suspects)
    {
        var snapshot = await server.Services.GetRequiredService<GoldSnapshotService>()
            .CreateAsync(GoldSnapshotService.TrainingReason, AuditActor.System("test"));
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        var entries = await db.GoldSnapshotEntries.Where(e => e.GoldSnapshotId == snapshot.Id && e.Label != null)
            .OrderBy(e => e.SliceId).ToListAsync();
        var suspectIds = entries.Where(e => e.Label == HemorrhageClass.NonIch).Take(suspects).Select(e => e.SliceId).ToHashSet();
        var run = new TrainingRun
        {
            Status = TrainingRunStatus.Completed,
            ConfigurationJson = """{"folds":3,"epochs":1,"image_size":64,"batch_size":4,"backbone":"resnet18","seed":1}""",
            Seed = 1,
            GoldSnapshotId = snapshot.Id,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishedAt = DateTimeOffset.UtcNow,
            Predictions = entries.Select(e => Prediction(e.SliceId, e.Label!.Value, suspectIds.Contains(e.SliceId))).ToList(),
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private static SlicePrediction Prediction(int sliceId, HemorrhageClass gold, bool suspect)
    {
        double[] p = suspect ? [0.05, 0.9, 0.05] : gold switch
        {
            HemorrhageClass.NonIch => [0.8, 0.15, 0.05],
            HemorrhageClass.NormalIch => [0.15, 0.8, 0.05],
            _ => [0.15, 0.05, 0.8],
        };
        return new SlicePrediction { SliceId = sliceId, Fold = sliceId % 3, GoldLabel = gold, PNonIch = p[0], PNormalIch = p[1], PBlendSign = p[2] };
    }
}
