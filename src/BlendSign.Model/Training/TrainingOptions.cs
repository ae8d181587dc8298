using System.ComponentModel.DataAnnotations;

namespace BlendSign.Model.Training;

/// <summary>
/// The <c>BlendSign:Training</c> section; defaults and ranges are <see cref="TrainingLimits"/>'s. Folds, epochs and
/// image size left unset follow the device: the study's protocol with a GPU, the CPU defaults without.
/// </summary>
public class TrainingOptions
{
    public const string SectionName = "BlendSign:Training";

    [Range(TrainingLimits.MinFolds, TrainingLimits.MaxFolds)]
    public int? Folds { get; set; }

    [Range(TrainingLimits.MinEpochs, TrainingLimits.MaxEpochs)]
    public int? Epochs { get; set; }

    [Range(TrainingLimits.MinImageSize, TrainingLimits.MaxImageSize)]
    public int? ImageSize { get; set; }

    [Range(TrainingLimits.MinBatchSize, TrainingLimits.MaxBatchSize)]
    public int BatchSize { get; set; } = TrainingLimits.DefaultBatchSize;

    [Required]
    public string Backbone { get; set; } = Network.Backbones.ResNet18;

    public double LearningRate { get; set; } = TrainingLimits.DefaultLearningRate;
    public double PolyPower { get; set; } = TrainingLimits.DefaultPolyPower;
    public double Momentum { get; set; } = TrainingLimits.DefaultMomentum;
    public double WeightDecay { get; set; } = TrainingLimits.DefaultWeightDecay;

    // Class order non_ich, normal_ich, blend_sign; null means the study's 1, 2, 20. Not initialised here: the
    // configuration binder appends to an existing array.
    public double[]? ClassWeights { get; set; }

    public IReadOnlyList<double> EffectiveClassWeights => ClassWeights ?? TrainingLimits.DefaultClassWeights;

    public int Seed { get; set; } = TrainingLimits.DefaultSeed;

    /// <summary>Intra-op threads for TorchSharp on the CPU; 0 keeps libtorch's default.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    public bool Detection { get; set; } = true;
    public bool Distillation { get; set; } = true;

    [Range(TrainingLimits.MinGenerations, TrainingLimits.MaxGenerations)]
    public int Generations { get; set; } = TrainingLimits.DefaultGenerations;

    public double DetectionWeight { get; set; } = TrainingLimits.DefaultDetectionWeight;
    public double DistillationWeight { get; set; } = TrainingLimits.DefaultDistillationWeight;
    public bool Augment { get; set; } = true;

    public bool NormalizeDistillationLoss { get; set; } = true;

    /// <summary>The gradient-norm clip and exploding-gradient bound; 0 turns clipping off.</summary>
    [Range(0.0, 1e9)]
    public double GradientClipNorm { get; set; } = TrainingLimits.DefaultGradientClipNorm;

    public string? WeightsFile { get; set; }
}
