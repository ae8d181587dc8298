using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Training;

/// <summary>The folds of a finished run, by scan: what a run with <c>FoldsFromRun</c> keeps.</summary>
public static class RunFolds
{
    /// <summary>Scan id (the training examples' group id) → fold (0-based) of every scan the run predicted.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> LoadAsync(BlendSignDbContext db, int runId, int folds, CancellationToken cancellationToken)
    {
        var byScan = await db.SlicePredictions.AsNoTracking()
            .Where(p => p.TrainingRunId == runId)
            .Select(p => new { p.Slice.ScanId, p.Fold })
            .Distinct()
            .ToListAsync(cancellationToken);
        if (byScan.Count == 0)
        {
            throw new TrainingSetException($"Run {runId} has no out-of-fold predictions, so its folds cannot be kept.");
        }

        // Stored folds are 1-based, as in the out-of-fold predictions.
        var used = byScan.Max(p => p.Fold);
        if (used > folds)
        {
            throw new TrainingSetException($"Run {runId} used {used} folds; a run keeping its folds needs as many, not {folds}.");
        }

        return byScan.ToDictionary(p => p.ScanId.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Fold - 1);
    }
}
