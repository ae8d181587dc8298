using BlendSign.Data.Dicom;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Network;
using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using TorchSharp;

namespace BlendSign.Web.Features.Review;

public sealed record FoldModelTarget(int RunId, int Fold, TrainingSettings Settings, string ModelPath, string StoreKey);

public sealed record FoldModelLookup(FoldModelTarget? Target, string? Problem);

/// <summary>
/// Each slice is explained by the model of the fold whose validation part held it. The last few models used stay
/// loaded; one computation at a time (CPU bound).
/// </summary>
public sealed class FoldModels(
    IDbContextFactory<BlendSignDbContext> dbFactory, RunStorage storage, SliceStore sliceStore, CpuFastPathGuard cpuFastPath,
    ILogger<FoldModels> logger) : IDisposable
{
    private const int CachedModels = 3;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(string Path, SliceClassifier Model)> _cached = [];

    public async Task<FoldModelLookup> LocateAsync(int runId, string sopInstanceUid, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return new FoldModelLookup(null, $"No training run has the id {runId}.");
        }

        var prediction = await db.SlicePredictions.AsNoTracking()
            .Where(p => p.TrainingRunId == runId && p.Slice.SopInstanceUid == sopInstanceUid)
            .Select(p => new { p.Fold, p.Slice.StoreKey })
            .FirstOrDefaultAsync(cancellationToken);
        if (prediction is null)
        {
            return new FoldModelLookup(null, $"Run {runId} has no out-of-fold prediction for that slice.");
        }

        var settings = System.Text.Json.JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options)!;
        var modelPath = CrossValidator.FinalModelPath(storage.FolderOf(runId).Checkpoints, prediction.Fold);
        return File.Exists(modelPath)
            ? new FoldModelLookup(new FoldModelTarget(runId, prediction.Fold, settings, modelPath, prediction.StoreKey), null)
            : new FoldModelLookup(null, $"Run {runId} kept no model for fold {prediction.Fold}.");
    }

    /// <summary>Off the caller's thread, one at a time; an unreadable model file gives an <see cref="InvalidDataException"/>.</summary>
    public async Task<T> UseAsync<T>(FoldModelTarget target, Func<SliceClassifier, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => work(ModelFor(target.ModelPath, target.Settings)), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The slice rendered as the run's input (rgb3 at its image size); a missing slice gives an <see cref="IOException"/>.</summary>
    public async Task<T> UseOnSliceAsync<T>(FoldModelTarget target, Func<SliceClassifier, HuSlice, float[], T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var slice = sliceStore.Load(target.StoreKey);
        var image = ThreeWindowImage.Render(slice, target.Settings.ImageSize);
        return await UseAsync(target, model => work(model, slice, image), cancellationToken);
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

        // Built on the CPU, where the single-slice inputs live; the fold's weights replace the initial ones.
        var options = cpuFastPath.Apply(settings.ToNetworkOptions() with { WeightsFile = null }, torch.CPU);
        var model = new SliceClassifier(options);
        try
        {
            model.load(path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // TorchSharp reports a truncated or foreign file with assorted exception types; callers see one.
            model.Dispose();
            throw new InvalidDataException($"The fold model {Path.GetFileName(Path.GetDirectoryName(path))} could not be read.", exception);
        }

        // Only forward passes from here (Grad-CAM, model boxes): evaluation mode, weights laid out once for the CPU.
        model.FreezeForCpuInference();
        logger.LogInformation("Loaded the fold model {Path} ({Layout})", path, CpuFastPathGuard.Layout(options, torch.CPU));
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
