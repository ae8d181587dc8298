using System.Text.Json.Serialization;
using BlendSign.Model.Network;
using BlendSign.Model.Torch;

namespace BlendSign.Model.Training;

/// <summary>Fixed when the run is queued (stored as its configuration JSON); defaults are the study's protocol.</summary>
public sealed record TrainingSettings
{
    public int Folds { get; init; } = TrainingLimits.DefaultFolds;
    public int Epochs { get; init; } = TrainingLimits.DefaultEpochs;
    public int ImageSize { get; init; } = TrainingLimits.DefaultImageSize;
    public int BatchSize { get; init; } = TrainingLimits.DefaultBatchSize;
    public string Backbone { get; init; } = Backbones.ResNet18;
    public double LearningRate { get; init; } = TrainingLimits.DefaultLearningRate;
    public double PolyPower { get; init; } = TrainingLimits.DefaultPolyPower;
    public double Momentum { get; init; } = TrainingLimits.DefaultMomentum;
    public double WeightDecay { get; init; } = TrainingLimits.DefaultWeightDecay;
    public IReadOnlyList<double> ClassWeights { get; init; } = TrainingLimits.DefaultClassWeights;
    public int Seed { get; init; } = TrainingLimits.DefaultSeed;

    /// <summary>libtorch intra-op threads; 0 keeps its default.</summary>
    public int Threads { get; init; }

    /// <summary>The auxiliary detection branch ("AT" in the study's Table 3) and its loss.</summary>
    public bool Detection { get; init; } = true;

    public bool Distillation { get; init; } = true;

    /// <summary>Students trained after the teacher when <see cref="Distillation"/> is on (the study: 1).</summary>
    public int Generations { get; init; } = TrainingLimits.DefaultGenerations;

    /// <summary>λ1, the detection loss's weight.</summary>
    public double DetectionWeight { get; init; } = TrainingLimits.DefaultDetectionWeight;

    /// <summary>λ2, the distillation term's weight.</summary>
    public double DistillationWeight { get; init; } = TrainingLimits.DefaultDistillationWeight;

    // Divides the student's loss by 1 + λ2, keeping the study's ratios on the teacher's scale (README of BlendSign.Model,
    // "Distillation"); the raw sum's distillation term pulls about λ2 times as hard and diverged here at 64 and 128 px.
    public bool NormalizeDistillationLoss { get; init; } = true;

    // 0: no clipping. Also the exploding-gradient guard's bound: an epoch whose median norm before clipping exceeds it
    // marks the run diverged.
    public double GradientClipNorm { get; init; } = TrainingLimits.DefaultGradientClipNorm;

    public bool Augment { get; init; } = true;

    public string? WeightsFile { get; init; }

    // The run whose folds this run keeps, so that a retraining on reviewed labels is compared with it on the same splits.
    public int? FoldsFromRun { get; init; }

    [JsonIgnore]
    public IReadOnlyDictionary<string, int>? FixedFolds { get; init; }

    /// <summary>Where the executing process trains (its worker's choice, not the run's): never stored with the run.</summary>
    [JsonIgnore]
    public DeviceChoice Device { get; init; }

    /// <summary>Granted by the executing process's <see cref="CpuFastPathGuard"/>, so never stored with the run.</summary>
    [JsonIgnore]
    public bool ChannelsLastOnCpu { get; init; }

    public int EffectiveGenerations => Distillation ? Generations : 0;

    public NetworkOptions ToNetworkOptions() =>
        new() { Backbone = Backbone, Detection = Detection, WeightsFile = WeightsFile, ChannelsLastOnCpu = ChannelsLastOnCpu };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Backbones.IsSupported(Backbone))
        {
            problems.Add($"Unknown backbone '{Backbone}'; available: {string.Join(", ", Backbones.Supported)}.");
        }

        Check(Folds is >= TrainingLimits.MinFolds and <= TrainingLimits.MaxFolds,
            $"Folds must be between {TrainingLimits.MinFolds} and {TrainingLimits.MaxFolds}.");
        Check(Epochs is >= TrainingLimits.MinEpochs and <= TrainingLimits.MaxEpochs,
            $"Epochs must be between {TrainingLimits.MinEpochs} and {TrainingLimits.MaxEpochs}.");
        Check(ImageSize is >= TrainingLimits.MinImageSize and <= TrainingLimits.MaxImageSize,
            $"The image size must be between {TrainingLimits.MinImageSize} and {TrainingLimits.MaxImageSize}.");
        Check(!Backbones.IsSupported(Backbone) || ImageSize >= Backbones.MinimumImageSize(Backbone),
            $"{Backbone} needs images of at least {Backbones.MinimumImageSize(Backbone)} pixels.");
        Check(Generations is >= TrainingLimits.MinGenerations and <= TrainingLimits.MaxGenerations,
            $"Generations must be between {TrainingLimits.MinGenerations} and {TrainingLimits.MaxGenerations}.");
        Check(DetectionWeight >= 0 && DistillationWeight >= 0, "Loss weights must not be negative.");
        Check(WeightsFile is null || (Backbones.IsSupported(Backbone) && Backbones.TakeWeightsFile.Contains(Backbones.Normalize(Backbone))),
            $"A weights file applies to {string.Join(", ", Backbones.TakeWeightsFile)} only.");
        Check(WeightsFile is null || File.Exists(WeightsFile), $"The weights file {WeightsFile} does not exist.");
        Check(BatchSize is >= TrainingLimits.MinBatchSize and <= TrainingLimits.MaxBatchSize,
            $"The batch size must be between {TrainingLimits.MinBatchSize} and {TrainingLimits.MaxBatchSize}.");
        Check(LearningRate > 0, "The learning rate must be positive.");
        Check(ClassWeights.Count == SliceClassifier.ClassCount && ClassWeights.All(w => w > 0),
            "Class weights need one positive value per class (3).");
        Check(GradientClipNorm >= 0 && double.IsFinite(GradientClipNorm), "The gradient clipping norm must be 0 (off) or a positive number.");
        Check(Threads >= 0, "Threads must be 0 (libtorch's default) or more.");
        return problems;

        void Check(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }
    }

    /// <param name="gpu">Whether a GPU trains: unset folds, epochs and image size then take the study's protocol, else the CPU defaults.</param>
    public static TrainingSettings FromOptions(TrainingOptions options, bool gpu) => new()
    {
        Folds = options.Folds ?? (gpu ? TrainingLimits.DefaultFolds : TrainingLimits.CpuFolds),
        Epochs = options.Epochs ?? (gpu ? TrainingLimits.DefaultEpochs : TrainingLimits.CpuEpochs),
        ImageSize = options.ImageSize ?? (gpu ? TrainingLimits.DefaultImageSize : TrainingLimits.CpuImageSize),
        BatchSize = options.BatchSize,
        Backbone = options.Backbone,
        LearningRate = options.LearningRate,
        PolyPower = options.PolyPower,
        Momentum = options.Momentum,
        WeightDecay = options.WeightDecay,
        ClassWeights = [.. options.EffectiveClassWeights],
        Seed = options.Seed,
        Threads = options.Threads,
        Detection = options.Detection,
        Distillation = options.Distillation,
        Generations = options.Generations,
        DetectionWeight = options.DetectionWeight,
        DistillationWeight = options.DistillationWeight,
        Augment = options.Augment,
        NormalizeDistillationLoss = options.NormalizeDistillationLoss,
        GradientClipNorm = options.GradientClipNorm,
        WeightsFile = string.IsNullOrWhiteSpace(options.WeightsFile) ? null : options.WeightsFile,
    };
}
