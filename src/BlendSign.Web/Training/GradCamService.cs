using BlendSign.Data.Configuration;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Explain;
using BlendSign.Model.Network;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Training;

/// <summary>What <see cref="GradCamService.RenderAsync"/> gives: the PNG, or why there is none.</summary>
public sealed record GradCamImage(byte[]? Png, string? Problem, int TargetClass = -1);

/// <summary>
/// Grad-CAM of a run's classification of one slice, computed with the model of the fold whose validation part held
/// the slice (its final weights in the run folder), as an overlay on the slice's rgb3 view at the slice's size.
/// The last few fold models used stay loaded; one computation at a time (CPU bound).
/// </summary>
public sealed class GradCamService(
    IDbContextFactory<BlendSignDbContext> dbFactory, SliceStore sliceStore, DataPaths paths, ILogger<GradCamService> logger) : IDisposable
{
    private const int CachedModels = 3;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(string Path, SliceClassifier Model)> _cached = [];

    /// <param name="targetClass">The class to explain; null explains the predicted one.</param>
    public async Task<GradCamImage> RenderAsync(int runId, string sopInstanceUid, HemorrhageClass? targetClass, CancellationToken cancellationToken)
    {
        TrainingRun? run;
        string? storeKey;
        int? fold;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            run = await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
            var prediction = await db.SlicePredictions.AsNoTracking()
                .Where(p => p.TrainingRunId == runId && p.Slice.SopInstanceUid == sopInstanceUid)
                .Select(p => new { p.Fold, p.Slice.StoreKey })
                .FirstOrDefaultAsync(cancellationToken);
            (fold, storeKey) = (prediction?.Fold, prediction?.StoreKey);
        }

        if (run is null)
        {
            return new GradCamImage(null, $"No training run has the id {runId}.");
        }

        if (fold is null || storeKey is null)
        {
            return new GradCamImage(null, $"Run {runId} has no out-of-fold prediction for that slice.");
        }

        var settings = System.Text.Json.JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options)!;
        var modelPath = CrossValidator.FinalModelPath(RunFolder.Of(paths.Runs, runId).Checkpoints, fold.Value);
        if (!File.Exists(modelPath))
        {
            return new GradCamImage(null, $"Run {runId} kept no model for fold {fold}.");
        }

        var slice = sliceStore.Load(storeKey);
        var image = ThreeWindowImage.Render(slice, settings.ImageSize);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = await Task.Run(() =>
                GradCam.Compute(ModelFor(modelPath, settings), image, settings.ImageSize, targetClass is { } c ? (int)c : null), cancellationToken);
            return new GradCamImage(GradCamOverlay.Png(slice, result.Heatmap, result.Size), null, result.TargetClass);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SliceClassifier ModelFor(string path, TrainingSettings settings)
    {
        var index = _cached.FindIndex(c => c.Path == path);
        if (index >= 0)
        {
            var hit = _cached[index];
            _cached.RemoveAt(index);
            _cached.Add(hit);
            return hit.Model;
        }

        if (_cached.Count == CachedModels)
        {
            _cached[0].Model.Dispose();
            _cached.RemoveAt(0);
        }

        // Built on the CPU, where Grad-CAM's input lives; the fold's weights replace the initial ones.
        var model = new SliceClassifier(settings.ToNetworkOptions() with { WeightsFile = null });
        model.load(path);
        model.eval();
        logger.LogInformation("Grad-CAM: loaded {Path}", path);
        _cached.Add((path, model));
        return model;
    }

    public void Dispose()
    {
        foreach (var (_, model) in _cached)
        {
            model.Dispose();
        }

        _gate.Dispose();
    }
}
