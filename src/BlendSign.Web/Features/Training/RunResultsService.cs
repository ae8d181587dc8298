using System.Text.Json;
using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Data.Labels;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Health;
using BlendSign.Model.Metrics;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// A run's results (metrics, ROC curves, intervals) and an ablation group's paired bootstraps are computed once per run
/// (<see cref="RunStamp"/>), not per visit; a few runs are kept, the least recently shown dropped first.
/// </summary>
public sealed class RunResultsService(IDbContextFactory<BlendSignDbContext> dbFactory)
{
    private const int RunsKept = 6;
    private readonly ComputedCache<RunStamp, RunResults> _results = new(RunsKept);
    private readonly ComputedCache<string, IReadOnlyList<AblationDifference>> _ablations = new(RunsKept);

    /// <summary>Null when there is no such run or it was not trained to the end; a diverged run that was has results.</summary>
    public async Task<RunResults?> LoadAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        return run is not null && HasResults(run) ? await CachedAsync(run) : null;
    }

    /// <summary>Each later ablation row against the first (WCE), paired on the same out-of-fold slices (1,000 resamples each).</summary>
    public Task<IReadOnlyList<AblationDifference>> AblationDifferencesAsync(IReadOnlyList<RunResults> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        return methods.Count < 2
            ? Task.FromResult<IReadOnlyList<AblationDifference>>([])
            : _ablations.GetAsync(string.Join(';', methods.Select(m => RunStamp.Of(m.Run))), () => Task.FromResult<IReadOnlyList<AblationDifference>>(
                [.. methods.Skip(1).Select(m => new AblationDifference(m.Method, methods[0].Method, PairedDifference.Compare(methods[0].OutOfFold, m.OutOfFold)))]));
    }

    private Task<RunResults> CachedAsync(TrainingRun run) => _results.GetAsync(RunStamp.Of(run), async () =>
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ComputeAsync(db, run, CancellationToken.None);
    });

    /// <summary>Whether a run has results to show: completed, or diverged after training to its end (not stopped at a non-finite loss).</summary>
    public static bool HasResults(TrainingRun run) =>
        run.Status == TrainingRunStatus.Completed || (run.Status == TrainingRunStatus.Diverged && run.ResultJson is not null);

    /// <summary>The rows of an ablation group that have results (diverged ones too), in the study's order (WCE, WCE+AT, WCE+AT+SKD).</summary>
    public async Task<IReadOnlyList<RunResults>> LoadAblationAsync(string group, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.TrainingRuns.AsNoTracking()
            .Where(r => r.AblationGroup == group && (r.Status == TrainingRunStatus.Completed || r.Status == TrainingRunStatus.Diverged))
            .ToListAsync(cancellationToken);
        var order = AblationRunner.Arms(new TrainingSettings()).Select(a => a.Folder).ToList();
        var results = new List<RunResults>();
        foreach (var run in runs.Where(HasResults).OrderBy(r => order.IndexOf(r.Variant ?? "")).ThenBy(r => r.Id))
        {
            results.Add(await CachedAsync(run));
        }

        return results;
    }

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
        var pooled = ClassificationMetrics.Compute(predictions);
        var report = ReadReport(run);
        // Training stored them from these same predictions; only runs from before that are bootstrapped here.
        var intervals = report?.Ci95 is { } stored ? ClassIntervalsReport.ToIntervals(stored) : ScanBootstrap.Intervals(predictions);
        return new RunResults(
            run,
            ReadSettings(run),
            [.. rows.Select(r => new OofSlice(r.SopInstanceUid, r.Fold, r.GoldLabel, [r.PNonIch, r.PNormalIch, r.PBlendSign]))],
            pooled,
            FoldAverage.Compute(predictions),
            RocCurve.PerClass(predictions))
        {
            Report = report,
            OutOfFold = predictions,
            Intervals = intervals,
            ChanceFindings = ChanceLevel.Findings(predictions, pooled, intervals, [.. HemorrhageClassNames.All.Select(c => c.ToWireName())]),
        };
    }

    private static TrainingReport? ReadReport(TrainingRun run)
    {
        try
        {
            return TrainingReport.Read(run);
        }
        catch (JsonException)
        {
            return null;
        }
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
