using BlendSign.Model.Augmentation;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Health;
using BlendSign.Model.Network;
using BlendSign.Model.Torch;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Training;

internal sealed record FoldTraining(
    SliceClassifier Model, double LastEpochLoss, IReadOnlyList<GenerationOutcome> EarlierGenerations, IReadOnlyList<DivergenceFinding> Findings);

// Every random choice (shuffle, augmentation, initial weights) derives from (seed, fold, generation, epoch), so an
// epoch resumed from a checkpoint repeats exactly what the interrupted one would have done.
internal sealed class FoldTrainer(IImageSource images, TrainingSettings settings, Device device, ProgressTracker tracker, ILogger logger)
{
    // Earlier generations' held-out predictions come back so a lead sees whether distillation helped.
    public FoldTraining Train(
        TrainingExample[] examples, TrainingExample[] heldOut, int fold, FoldCheckpoints? checkpoints, CancellationToken cancellationToken)
    {
        var state = checkpoints?.LoadState();
        var generations = settings.EffectiveGenerations;
        var perGeneration = BatchPlan.Split(examples.Length, settings.BatchSize).Count;
        var heldOutBatches = BatchPlan.Split(heldOut.Length, settings.BatchSize).Count;
        var earlier = new List<GenerationOutcome>();
        for (var generation = 0; generation <= generations; generation++)
        {
            if (state is not null && generation < state.Generation)
            {
                // Finished before the interruption: count its work as done.
                tracker.Skip((long)settings.Epochs * perGeneration + perGeneration + heldOutBatches);
                earlier.Add(checkpoints!.LoadGeneration(generation)
                    ?? throw new InvalidDataException($"The checkpoint in {checkpoints.Directory} lacks generation {generation}'s results."));
                continue;
            }

            var teacher = generation == 0 ? null : checkpoints?.LoadTeacher(generation) ?? _teacher;
            var resumeFrom = state is not null && state.Generation == generation && state.EpochsDone > 0 ? state : null;
            var (model, loss, findings) = TrainGeneration(examples, fold, generation, teacher, checkpoints, resumeFrom, cancellationToken);
            if (generation == generations)
            {
                return new FoldTraining(model, loss, earlier, findings);
            }

            using (model)
            {
                var probabilities = Predict(model, heldOut, fold, cancellationToken);
                var outcome = new GenerationOutcome(generation, loss,
                    [.. heldOut.Select((e, i) => new OofPrediction(e.SampleId, e.GroupId, fold, e.Label, probabilities[i]))], findings);
                earlier.Add(outcome);
                var soft = Predict(model, examples, fold, cancellationToken);
                _teacher = examples.Select((e, i) => (e.SampleId, Values: soft[i].Select(v => (float)v).ToArray()))
                    .ToDictionary(x => x.SampleId, x => x.Values, StringComparer.Ordinal);
                checkpoints?.SaveGeneration(outcome);
                checkpoints?.SaveTeacher(generation + 1, _teacher);
                checkpoints?.StartGeneration(generation + 1);
            }
        }

        throw new InvalidOperationException("unreachable: the last generation returns");
    }

    // The latest teacher's soft predictions, for a run without a checkpoint folder.
    private IReadOnlyDictionary<string, float[]>? _teacher;

    private (SliceClassifier Model, double LastEpochLoss, IReadOnlyList<DivergenceFinding> Findings) TrainGeneration(
        TrainingExample[] examples, int fold, int generation, IReadOnlyDictionary<string, float[]>? teacher,
        FoldCheckpoints? checkpoints, FoldState? resumeFrom, CancellationToken cancellationToken)
    {
        TorchRuntime.Seed(Mix(settings.Seed, fold, generation, 0));
        var model = new SliceClassifier(settings.ToNetworkOptions());
        try
        {
            model.LogWeights(logger, $"fold {fold} generation {generation}");
            model.to(device);
            var grid = settings.Detection ? model.FeatureGrid(settings.ImageSize, device) : (int?)null;
            model.train();
            using var weights = tensor(settings.ClassWeights.Select(w => (float)w).ToArray(), device: device);
            using var optimizer = optim.SGD(model.parameters(), settings.LearningRate, settings.Momentum, weight_decay: settings.WeightDecay);
            var batches = BatchPlan.Split(examples.Length, settings.BatchSize);
            var totalIterations = (long)settings.Epochs * batches.Count;
            var loader = new BatchLoader(images, settings.ImageSize, grid, settings.Augment ? AugmentationOptions.Study : null, teacher);
            var context = new GenerationContext(fold, generation, model, optimizer, weights, loader, batches, totalIterations);
            var (firstEpoch, lastEpochLoss, firstEpochLoss, guard) = resumeFrom is not null && checkpoints is not null
                ? Resume(context, checkpoints, resumeFrom)
                : (1, double.NaN, double.NaN, new TrainingGuard(fold, generation, settings.GradientClipNorm));
            for (var epoch = firstEpoch; epoch <= settings.Epochs; epoch++)
            {
                lastEpochLoss = TrainEpoch(context, examples, guard, epoch, cancellationToken);
                if (epoch == 1)
                {
                    firstEpochLoss = lastEpochLoss;
                }

                EndEpoch(context, checkpoints, guard, epoch, firstEpochLoss, lastEpochLoss);
            }

            return (model, lastEpochLoss, guard.Findings);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private (int FirstEpoch, double LastEpochLoss, double FirstEpochLoss, TrainingGuard Guard) Resume(
        GenerationContext context, FoldCheckpoints checkpoints, FoldState resumeFrom)
    {
        checkpoints.Restore(resumeFrom, context.Model, context.Optimizer);
        var guard = new TrainingGuard(context.Fold, context.Generation, settings.GradientClipNorm, resumeFrom.Findings ?? []);
        tracker.Skip((long)resumeFrom.EpochsDone * context.Batches.Count);
        logger.LogInformation("fold {Fold} generation {Generation}: resumed after epoch {Epoch}", context.Fold, context.Generation, resumeFrom.EpochsDone);
        return (resumeFrom.EpochsDone + 1, resumeFrom.LastEpochLoss, resumeFrom.FirstEpochLoss ?? double.NaN, guard);
    }

    /// <summary>One epoch over the examples in its own shuffled order; returns the epoch's mean loss.</summary>
    private double TrainEpoch(GenerationContext context, TrainingExample[] examples, TrainingGuard guard, int epoch, CancellationToken cancellationToken)
    {
        var (fold, generation, batches) = (context.Fold, context.Generation, context.Batches);
        var random = new Random(Mix(settings.Seed, fold, generation, epoch));
        var order = examples.ToArray();
        random.Shuffle(order);
        var lossSum = 0.0;
        var b = 0;
        using (var prefetcher = new BatchPrefetcher(batches.Count, i => context.Loader.Load(order[batches[i]], random), 2, cancellationToken))
        {
            foreach (var loaded in prefetcher.Batches())
            {
                using var batch = loaded;
                cancellationToken.ThrowIfCancellationRequested();
                var iteration = (long)(epoch - 1) * batches.Count + b;
                var rate = PolySchedule.LearningRate(settings.LearningRate, iteration, context.TotalIterations, settings.PolyPower);
                foreach (var group in context.Optimizer.ParamGroups)
                {
                    group.LearningRate = rate;
                }

                var loss = TrainStep.Run(context.Model, context.Optimizer, batch, context.ClassWeights, settings, device);
                lossSum += loss.Total;
                b++;
                guard.AfterStep(epoch, b, loss.Total, loss.GradientNorm);
                tracker.Report(TrainingStage.Training, fold, epoch, b, batches.Count, loss.Total, lossSum / b, rate, generation, loss);
            }
        }

        return lossSum / batches.Count;
    }

    private void EndEpoch(
        GenerationContext context, FoldCheckpoints? checkpoints, TrainingGuard guard, int epoch, double firstEpochLoss, double lastEpochLoss)
    {
        var batches = context.Batches;
        var gradients = guard.EndEpoch(epoch, settings.Epochs, firstEpochLoss, lastEpochLoss);
        var nextRate = PolySchedule.LearningRate(settings.LearningRate, (long)epoch * batches.Count, context.TotalIterations, settings.PolyPower);
        checkpoints?.SaveEpoch(new FoldState(context.Generation, epoch, lastEpochLoss) { FirstEpochLoss = firstEpochLoss, Findings = guard.Findings },
            context.Model, context.Optimizer);
        tracker.Report(TrainingStage.EpochCompleted, context.Fold, epoch, batches.Count, batches.Count, lastEpochLoss, lastEpochLoss, nextRate, context.Generation,
            gradients: gradients);
    }

    public double[][] Predict(SliceClassifier model, IReadOnlyList<TrainingExample> examples, int fold, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = no_grad();
        var batches = BatchPlan.Split(examples.Count, settings.BatchSize);
        var probabilities = new double[examples.Count][];
        var list = examples as TrainingExample[] ?? examples.ToArray();
        var loader = new BatchLoader(images, settings.ImageSize);
        using var prefetcher = new BatchPrefetcher(batches.Count, i => loader.Load(list[batches[i]]), 2, cancellationToken);
        var b = 0;
        foreach (var loaded in prefetcher.Batches())
        {
            using var batch = loaded;
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var softmax = nn.functional.softmax(model.forward(batch.Images.to(device)), 1).to(float64).cpu();
            var values = softmax.data<double>().ToArray();
            var start = batches[b].Start.Value;
            for (var i = 0; i < batch.Count; i++)
            {
                probabilities[start + i] = values.AsSpan(i * SliceClassifier.ClassCount, SliceClassifier.ClassCount).ToArray();
            }

            b++;
            tracker.Report(TrainingStage.Predicting, fold, settings.Epochs, b, batches.Count, double.NaN, double.NaN, 0);
        }

        return probabilities;
    }

    /// <summary>A seed for one (seed, fold, generation, epoch); not HashCode.Combine, whose seed changes with every process.</summary>
    internal static int Mix(int seed, int fold, int generation, int epoch) =>
        unchecked((((seed * 7919) + fold) * 104729 + generation) * 1299709 + epoch);
}
