using BlendSign.Data.Gold;
using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Review;

/// <summary>Reads what review needs; scoring itself lives in BlendSign.Model (no EF there).</summary>
public sealed class ReviewDataService(IDbContextFactory<BlendSignDbContext> dbFactory, ReviewDecisionService decisions)
{
    /// <summary>What a run's queue is computed from besides the run: decisions, labels, exclusions (see <see cref="StudyVersion"/>).</summary>
    public Task<StudyVersion> VersionAsync(CancellationToken cancellationToken = default) => StudyVersion.ReadAsync(dbFactory, cancellationToken);

    public async Task<IReadOnlyList<ReviewRun>> ReviewableRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(Reviewable(db).OrderByDescending(r => r.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>The run (default: the latest reviewable one) with its slices; null when there is none.</summary>
    public async Task<ReviewRunData?> LoadRunAsync(int? runId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await Project(Reviewable(db).Where(r => runId == null || r.Id == runId).OrderByDescending(r => r.Id))
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return null;
        }

        // In the order they were stored (PostgreSQL returns rows in no set order): the queue's ties and the bootstrap's
        // resamples follow it.
        var predictions = await db.SlicePredictions.AsNoTracking().Where(p => p.TrainingRunId == run.RunId)
            .OrderBy(p => p.Id)
            .Select(p => new { p.SliceId, p.PNonIch, p.PNormalIch, p.PBlendSign })
            .ToListAsync(cancellationToken);
        var entries = await db.GoldSnapshotEntries.AsNoTracking()
            .Where(e => e.GoldSnapshotId == run.GoldSnapshotId && e.Label != null)
            .ToDictionaryAsync(e => e.SliceId, cancellationToken);
        var boxes = (await db.GoldSnapshotBoxes.AsNoTracking().Where(b => b.GoldSnapshotId == run.GoldSnapshotId).OrderBy(b => b.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(b => b.SliceId, b => new ConsensusBox(b.CenterX, b.CenterY, b.Left, b.Top, b.Right, b.Bottom, b.Support));
        var current = await GoldStandardService.LoadAsync(db, cancellationToken);
        var bySlice = current.Slices.ToDictionary(s => s.SliceId);

        var slices = new List<ReviewSlice>(predictions.Count);
        foreach (var p in predictions)
        {
            // A slice of a scan excluded since the run, or without a gold label in the snapshot, cannot be reviewed.
            if (!entries.TryGetValue(p.SliceId, out var entry) || !bySlice.TryGetValue(p.SliceId, out var gold))
            {
                continue;
            }

            slices.Add(new ReviewSlice(gold.SliceId, gold.SopInstanceUid, gold.ScanId, gold.ScanPseudonym, gold.SliceIndex, gold.Rows,
                gold.Columns, entry.Label!.Value, entry.Status, entry.Votes, gold.Adjudication, [p.PNonIch, p.PNormalIch, p.PBlendSign],
                gold.Reads, boxes[p.SliceId].ToList()));
        }

        var decided = await decisions.DecidedSinceAsync(run.SnapshotCreatedAt, cancellationToken);
        return new ReviewRunData(run, current.Raters, slices, decided);
    }

    public async Task<IReadOnlyList<(int SliceId, int Gold, double[] Probabilities)>> PredictionsAsync(
        int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SlicePredictions.AsNoTracking().Where(p => p.TrainingRunId == runId).OrderBy(p => p.SliceId)
            .Select(p => new { p.SliceId, p.GoldLabel, p.PNonIch, p.PNormalIch, p.PBlendSign })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.SliceId, (int)r.GoldLabel, new[] { r.PNonIch, r.PNormalIch, r.PBlendSign })).ToList();
    }

    public async Task<IReadOnlyList<SnapshotChange>> ChangesAsync(int from, int to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.GoldSnapshotEntries.AsNoTracking()
            .Where(e => e.GoldSnapshotId == from || e.GoldSnapshotId == to)
            .Select(e => new { e.GoldSnapshotId, e.SliceId, e.Label, e.Slice.SopInstanceUid, e.Slice.Scan.PseudonymousId, e.Slice.SliceIndex })
            .ToListAsync(cancellationToken);
        return entries.GroupBy(e => e.SliceId)
            .Select(g => new
            {
                First = g.First(),
                Old = g.FirstOrDefault(e => e.GoldSnapshotId == from)?.Label,
                New = g.FirstOrDefault(e => e.GoldSnapshotId == to)?.Label,
            })
            .Where(c => c.Old != c.New)
            .OrderBy(c => c.First.PseudonymousId, StringComparer.Ordinal).ThenBy(c => c.First.SliceIndex)
            .Select(c => new SnapshotChange(c.First.SliceId, c.First.SopInstanceUid, c.First.PseudonymousId, c.First.SliceIndex, c.Old, c.New))
            .ToList();
    }

    private static IQueryable<TrainingRun> Reviewable(BlendSignDbContext db) =>
        db.TrainingRuns.AsNoTracking()
            .Where(r => r.Status == TrainingRunStatus.Completed && r.GoldSnapshotId != null && r.Predictions.Any());

    private static IQueryable<ReviewRun> Project(IQueryable<TrainingRun> runs) =>
        runs.Select(r => new ReviewRun(r.Id, r.CreatedAt, r.FinishedAt, r.GoldSnapshotId!.Value, r.GoldSnapshot!.ContentHash,
                r.GoldSnapshot.CreatedAt, r.ConfigurationJson, r.Predictions.Count));
}
