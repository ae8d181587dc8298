using System.Text.Json;
using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Metrics;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Training;

/// <summary>Reads completed runs' out-of-fold predictions back and computes what the results page shows.</summary>
public sealed class RunResultsService(IDbContextFactory<BlendSignDbContext> dbFactory)
{
    /// <summary>The run's results; null when there is no such run or it has not completed.</summary>
    public async Task<RunResults?> LoadAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        return run is { Status: TrainingRunStatus.Completed } ? await ComputeAsync(db, run, cancellationToken) : null;
    }

    /// <summary>The completed rows of an ablation group, in the study's order (WCE, WCE+AT, WCE+AT+SKD).</summary>
    public async Task<IReadOnlyList<RunResults>> LoadAblationAsync(string group, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.TrainingRuns.AsNoTracking()
            .Where(r => r.AblationGroup == group && r.Status == TrainingRunStatus.Completed)
            .ToListAsync(cancellationToken);
        var order = AblationRunner.Arms(new TrainingSettings()).Select(a => a.Folder).ToList();
        var results = new List<RunResults>();
        foreach (var run in runs.OrderBy(r => order.IndexOf(r.Variant ?? "")).ThenBy(r => r.Id))
        {
            results.Add(await ComputeAsync(db, run, cancellationToken));
        }

        return results;
    }

    /// <summary>Completed runs, newest first, for choosing a run to compare with.</summary>
    public async Task<IReadOnlyList<TrainingRun>> ListCompletedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TrainingRuns.AsNoTracking().Where(r => r.Status == TrainingRunStatus.Completed)
            .OrderByDescending(r => r.Id).Take(200).ToListAsync(cancellationToken);
    }

    private static async Task<RunResults> ComputeAsync(BlendSignDbContext db, TrainingRun run, CancellationToken cancellationToken)
    {
        var rows = await db.SlicePredictions.AsNoTracking().Where(p => p.TrainingRunId == run.Id)
            .OrderBy(p => p.Fold).ThenBy(p => p.Id)
            .Select(p => new { p.Slice.SopInstanceUid, p.Slice.ScanId, p.Fold, p.GoldLabel, p.PNonIch, p.PNormalIch, p.PBlendSign })
            .ToListAsync(cancellationToken);
        var predictions = rows.Select(r => new OofPrediction(r.SopInstanceUid, r.ScanId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Fold, (int)r.GoldLabel, [r.PNonIch, r.PNormalIch, r.PBlendSign])).ToArray();
        var folds = predictions.GroupBy(p => p.Fold).OrderBy(g => g.Key).Select(g => ClassificationMetrics.Compute(g.ToArray())).ToArray();
        return new RunResults(
            run,
            ReadSettings(run),
            [.. rows.Select(r => new OofSlice(r.SopInstanceUid, r.Fold, r.GoldLabel, [r.PNonIch, r.PNormalIch, r.PBlendSign]))],
            ClassificationMetrics.Compute(predictions),
            FoldAverage.Compute(folds),
            RocCurve.PerClass(predictions));
    }

    private static TrainingSettings? ReadSettings(TrainingRun run)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
