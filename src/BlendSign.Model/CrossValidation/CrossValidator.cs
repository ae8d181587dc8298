using BlendSign.Model.Metrics;
using BlendSign.Model.Network;
using BlendSign.Model.Torch;
using BlendSign.Model.Training;
using Microsoft.Extensions.Logging;

namespace BlendSign.Model.CrossValidation;

/// <summary>
/// K-fold cross-validation split by scan: for each fold a fresh network is trained on the other folds and predicts
/// the held-out slices, so every slice gets exactly one out-of-fold probability triple. Synchronous and CPU/GPU
/// bound; callers run it off the request thread and cancel through the token (checked every batch).
/// </summary>
public sealed class CrossValidator(ILogger<CrossValidator> logger)
{
    public CrossValidationResult Run(
        IReadOnlyList<TrainingExample> examples,
        IImageSource images,
        TrainingSettings settings,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate(examples, settings);
        TorchRuntime.ConfigureThreads(settings.Threads);
        var device = TorchRuntime.SelectDevice();
        var assignment = GroupKFold.Assign(examples, settings.Folds, settings.Seed);
        var split = Enumerable.Range(0, settings.Folds)
            .Select(f => (
                Train: examples.Where((_, i) => assignment[i] != f).ToArray(),
                Test: examples.Where((_, i) => assignment[i] == f).ToArray()))
            .ToArray();
        var totalBatches = split.Sum(s =>
            (long)settings.Epochs * BatchPlan.Split(s.Train.Length, settings.BatchSize).Count
            + BatchPlan.Split(s.Test.Length, settings.BatchSize).Count);
        var tracker = new ProgressTracker(progress, totalBatches, settings.Folds, settings.Epochs);
        var trainer = new FoldTrainer(images, settings, device, tracker);

        var folds = new List<FoldResult>();
        var predictions = new List<OofPrediction>();
        for (var f = 0; f < settings.Folds; f++)
        {
            var fold = f + 1;
            var (train, test) = split[f];
            logger.LogDebug("Fold {Fold}/{Folds}: training on {Train} slices, holding out {Test} on {Device}",
                fold, settings.Folds, train.Length, test.Length, TorchRuntime.Describe(device));
            TorchRuntime.Seed(settings.Seed + f);
            var (model, lastLoss) = trainer.Train(train, fold, cancellationToken);
            double[][] probabilities;
            using (model)
            {
                probabilities = trainer.Predict(model, test, fold, cancellationToken);
            }

            var foldPredictions = test
                .Select((e, i) => new OofPrediction(e.SampleId, e.GroupId, fold, e.Label, probabilities[i]))
                .ToArray();
            predictions.AddRange(foldPredictions);
            var metrics = ClassificationMetrics.Compute(foldPredictions);
            folds.Add(new FoldResult(fold, train.Length, test.Length, test.Select(e => e.GroupId).Distinct().Count(), lastLoss, metrics));
            tracker.Report(TrainingStage.FoldCompleted, fold, settings.Epochs, 0, 0, lastLoss, lastLoss, 0);
        }

        var ordered = predictions.OrderBy(p => p.Fold).ToArray();
        return new CrossValidationResult(TorchRuntime.Describe(device), folds, ordered, ClassificationMetrics.Compute(ordered));
    }

    private static void Validate(IReadOnlyList<TrainingExample> examples, TrainingSettings settings)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        }

        if (examples.Any(e => e.Label is < 0 or >= SliceClassifier.ClassCount))
        {
            throw new ArgumentException("Every label must be a class index 0, 1 or 2.");
        }

        if (examples.Select(e => e.SampleId).Distinct(StringComparer.Ordinal).Count() != examples.Count)
        {
            throw new ArgumentException("Sample ids must be unique.");
        }
    }
}
