using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlendSign.Model.Health;
using BlendSign.Model.Metrics;
using BlendSign.Model.Network;
using BlendSign.Model.Torch;
using BlendSign.Model.Training;
using Microsoft.Extensions.Logging;
using Device = TorchSharp.torch.Device;

namespace BlendSign.Model.CrossValidation;

// Synchronous and CPU/GPU bound: callers run it off the request thread and cancel through the token (checked every
// batch). With the same checkpoint folder, examples and settings it resumes: the folds depend on the examples, the
// fold count and the seed only, and the folder's run.json refuses a different run.
public sealed class CrossValidator(ILogger<CrossValidator> logger, CpuFastPathGuard cpuFastPath)
{
    public const string RunFileName = "run.json";

    public CrossValidationResult Run(
        IReadOnlyList<TrainingExample> examples,
        IImageSource images,
        TrainingSettings settings,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(examples, images, settings, checkpointDirectory: null, progress, cancellationToken);

    /// <param name="checkpointDirectory">Where folds keep checkpoints and results; null trains without (nothing to resume).</param>
    public CrossValidationResult Run(
        IReadOnlyList<TrainingExample> examples,
        IImageSource images,
        TrainingSettings settings,
        string? checkpointDirectory,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default,
        string? arm = null)
    {
        Validate(examples, settings);
        TorchRuntime.ConfigureThreads(settings.Threads);
        var device = TorchRuntime.SelectDevice(settings.Device);
        settings = settings with { ChannelsLastOnCpu = cpuFastPath.Apply(settings.ToNetworkOptions(), device).ChannelsLastOnCpu };
        var assignment = GroupKFold.Assign(examples, settings.Folds, settings.Seed, settings.FixedFolds);
        if (checkpointDirectory is not null)
        {
            ClaimDirectory(checkpointDirectory, examples, settings, assignment);
        }

        var split = SplitFolds(examples, assignment, settings.Folds);
        var generations = settings.EffectiveGenerations;
        var totalBatches = split.Sum(s => FoldBatches(s.Train.Length, s.Test.Length, settings));
        var tracker = new ProgressTracker(progress, totalBatches, settings.Folds, settings.Epochs, generations, arm);
        var trainer = new FoldTrainer(images, settings, device, tracker, logger);
        BackboneWeights? weights = null;

        var folds = new List<FoldResult>();
        var outcomes = new List<FoldOutcome>();
        for (var f = 0; f < settings.Folds; f++)
        {
            var fold = f + 1;
            var (train, test) = split[f];
            var checkpoints = checkpointDirectory is null ? null : new FoldCheckpoints(Path.Combine(checkpointDirectory, $"fold-{fold}"));
            var outcome = checkpoints?.LoadOutcome();
            if (outcome is not null)
            {
                logger.LogInformation("Fold {Fold}/{Folds}: finished in an earlier run, read from {Directory}", fold, settings.Folds, checkpoints!.Directory);
                tracker.Skip(FoldBatches(train.Length, test.Length, settings));
            }
            else
            {
                var trained = TrainFold(trainer, settings, device, train, test, fold, checkpoints, cancellationToken);
                weights ??= trained.Weights;
                outcome = trained.Outcome;
            }

            outcomes.Add(outcome);
            var metrics = ClassificationMetrics.Compute(outcome.Predictions);
            folds.Add(new FoldResult(fold, outcome.TrainingExamples, test.Length, test.Select(e => e.GroupId).Distinct().Count(), outcome.LastEpochLoss, metrics));
            tracker.Report(TrainingStage.FoldCompleted, fold, settings.Epochs, 0, 0, outcome.LastEpochLoss, outcome.LastEpochLoss, 0, generations);
        }

        return Result(device, settings, folds, outcomes, weights);
    }

    private static (TrainingExample[] Train, TrainingExample[] Test)[] SplitFolds(IReadOnlyList<TrainingExample> examples, int[] assignment, int folds) =>
        Enumerable.Range(0, folds)
            .Select(f => (
                Train: examples.Where((_, i) => assignment[i] != f).ToArray(),
                Test: examples.Where((_, i) => assignment[i] == f).ToArray()))
            .ToArray();

    /// <summary>Trains one fold, stores its final model and outcome, and predicts its held-out slices with the last generation.</summary>
    private (FoldOutcome Outcome, BackboneWeights Weights) TrainFold(
        FoldTrainer trainer, TrainingSettings settings, Device device, TrainingExample[] train, TrainingExample[] test, int fold,
        FoldCheckpoints? checkpoints, CancellationToken cancellationToken)
    {
        var generations = settings.EffectiveGenerations;
        logger.LogInformation("Fold {Fold}/{Folds}: training on {Train} slices ({Generations} distilled generations), holding out {Test} on {Device}",
            fold, settings.Folds, train.Length, generations, test.Length, TorchRuntime.Describe(device));
        var training = trainer.Train(train, test, fold, checkpoints, cancellationToken);
        double[][] probabilities;
        BackboneWeights weights;
        using (training.Model)
        {
            weights = training.Model.Weights;
            checkpoints?.SaveFinalModel(training.Model);
            probabilities = trainer.Predict(training.Model, test, fold, cancellationToken);
        }

        OofPrediction[] final = [.. test.Select((e, i) => new OofPrediction(e.SampleId, e.GroupId, fold, e.Label, probabilities[i]))];
        var outcome = new FoldOutcome(train.Length, training.LastEpochLoss, final)
        {
            EarlierGenerations = training.EarlierGenerations,
            Findings = FoldFindings(training, final, fold, generations),
        };
        checkpoints?.SaveOutcome(outcome);
        foreach (var finding in outcome.Findings)
        {
            logger.LogWarning("Diverged: {Reason}", finding.Reason);
        }

        return (outcome, weights);
    }

    private static CrossValidationResult Result(
        Device device, TrainingSettings settings, IReadOnlyList<FoldResult> folds, IReadOnlyList<FoldOutcome> outcomes, BackboneWeights? weights)
    {
        var ordered = outcomes.SelectMany(o => o.Predictions).ToArray();
        return new CrossValidationResult(TorchRuntime.Describe(device), folds, ordered, ClassificationMetrics.Compute(ordered))
        {
            BackboneWeights = weights,
            Layout = CpuFastPathGuard.Layout(settings.ToNetworkOptions(), device),
            Findings = [.. outcomes.SelectMany(o => o.Findings ?? [])],
            Generations = GenerationResults(outcomes, settings.EffectiveGenerations),
        };
    }

    private static DivergenceFinding[] FoldFindings(FoldTraining training, IReadOnlyList<OofPrediction> final, int fold, int generations) =>
    [
        .. training.EarlierGenerations.SelectMany(g => g.Findings.Concat(OutputHealth.Check(g.Predictions, fold, g.Generation))),
        .. training.Findings,
        .. OutputHealth.Check(final, fold, generations),
    ];

    // Empty when a fold was stored before generations were kept.
    private static IReadOnlyList<GenerationResult> GenerationResults(IReadOnlyList<FoldOutcome> outcomes, int generations)
    {
        if (outcomes.Any(o => (o.EarlierGenerations?.Count ?? 0) != generations))
        {
            return [];
        }

        return [.. Enumerable.Range(0, generations + 1).Select(g =>
        {
            OofPrediction[] predictions = g == generations
                ? [.. outcomes.SelectMany(o => o.Predictions)]
                : [.. outcomes.SelectMany(o => o.EarlierGenerations![g].Predictions)];
            return new GenerationResult(g, ClassificationMetrics.Compute(predictions), FoldAverage.Compute(predictions));
        })];
    }

    /// <summary>Where fold <paramref name="fold"/> (1-based) of a run with this checkpoint folder keeps its final model.</summary>
    public static string FinalModelPath(string checkpointDirectory, int fold) =>
        Path.Combine(checkpointDirectory, $"fold-{fold}", FoldCheckpoints.FinalModelFileName);

    /// <summary>Null when the folder holds no progress (nothing to resume) or every fold is finished.</summary>
    public static ResumePoint? FindResumePoint(string checkpointDirectory, int folds)
    {
        if (!Directory.Exists(checkpointDirectory))
        {
            return null;
        }

        var finished = 0;
        for (var fold = 1; fold <= folds; fold++)
        {
            var checkpoints = new FoldCheckpoints(Path.Combine(checkpointDirectory, $"fold-{fold}"));
            if (checkpoints.LoadOutcome() is not null)
            {
                finished++;
                continue;
            }

            var state = checkpoints.LoadState();
            return state is null && finished == 0 ? null : new ResumePoint(fold, state?.Generation ?? 0, state?.EpochsDone ?? 0, finished);
        }

        return null;
    }

    private static long FoldBatches(int train, int test, TrainingSettings settings)
    {
        var trainBatches = BatchPlan.Split(train, settings.BatchSize).Count;
        var generations = settings.EffectiveGenerations;
        var testBatches = BatchPlan.Split(test, settings.BatchSize).Count;
        return (long)(generations + 1) * settings.Epochs * trainBatches + (long)generations * (trainBatches + testBatches) + testBatches;
    }

    private static void ClaimDirectory(string directory, IReadOnlyList<TrainingExample> examples, TrainingSettings settings, int[] assignment)
    {
        // Threads change speed, not results: a run may resume with other threads.
        var identity = JsonSerializer.Serialize(new
        {
            Settings = settings with { Threads = 0 },
            Examples = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
                examples.Select((e, i) => $"{e.SampleId}|{e.GroupId}|{e.Label}|{e.GoldBoxes.Count}|{assignment[i]}"))))),
        });
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, RunFileName);
        if (File.Exists(path))
        {
            if (File.ReadAllText(path) != identity)
            {
                throw new InvalidOperationException(
                    $"The checkpoint folder {directory} belongs to a run with other settings or other slices; use an empty folder.");
            }

            return;
        }

        File.WriteAllText(path, identity);
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

        if (examples.SelectMany(e => e.GoldBoxes).Any(b => b.SliceWidth <= 0 || b.SliceHeight <= 0 || b.Right <= b.Left || b.Bottom <= b.Top))
        {
            throw new ArgumentException("Every gold box needs left < right, top < bottom and the slice's size.");
        }
    }
}
