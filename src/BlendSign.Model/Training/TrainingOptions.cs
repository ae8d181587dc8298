using System.ComponentModel.DataAnnotations;

namespace BlendSign.Model.Training;

/// <summary>The <c>BlendSign:Training</c> section; defaults are the study's protocol.</summary>
public class TrainingOptions
{
    public const string SectionName = "BlendSign:Training";

    [Range(2, 20)]
    public int Folds { get; set; } = 5;

    [Range(1, 1000)]
    public int Epochs { get; set; } = 50;

    [Range(32, 1024)]
    public int ImageSize { get; set; } = 512;

    [Range(1, 512)]
    public int BatchSize { get; set; } = 16;

    [Required]
    public string Backbone { get; set; } = "resnet18";

    public double LearningRate { get; set; } = 0.01;
    public double PolyPower { get; set; } = 0.9;
    public double Momentum { get; set; } = 0.9;
    public double WeightDecay { get; set; } = 0.0005;

    /// <summary>
    /// Weighted cross-entropy class weights, in class order (non_ich, normal_ich, blend_sign); null means
    /// the study's 1, 2, 20. (Not initialised here: the configuration binder appends to an existing array.)
    /// </summary>
    public double[]? ClassWeights { get; set; }

    public IReadOnlyList<double> EffectiveClassWeights => ClassWeights ?? [1.0, 2.0, 20.0];

    public int Seed { get; set; } = 42;

    /// <summary>Intra-op threads for TorchSharp on the CPU; 0 keeps libtorch's default.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    public bool Detection { get; set; } = true;
    public bool Distillation { get; set; } = true;

    [Range(1, 10)]
    public int Generations { get; set; } = 1;

    public double DetectionWeight { get; set; } = 1.0;
    public double DistillationWeight { get; set; } = 10.0;
    public bool Augment { get; set; } = true;

    /// <summary>Divide the student's loss by 1 + λ2 (see <see cref="TrainingSettings.NormalizeDistillationLoss"/>).</summary>
    public bool NormalizeDistillationLoss { get; set; } = true;

    /// <summary>The gradient-norm clip and exploding-gradient bound; 0 turns clipping off.</summary>
    [Range(0.0, 1e9)]
    public double GradientClipNorm { get; set; } = 100.0;

    /// <summary>
    /// How often a run continues from its last checkpoint after a LibTorch error before it fails (see
    /// <see cref="Torch.NativeErrorRetry"/>); 0 fails at the first.
    /// </summary>
    [Range(0, 10)]
    public int NativeErrorRetries { get; set; } = 2;

    /// <summary>A torchvision state dict for resnet50, vgg16 or inception_v3 (none: they start from random weights).</summary>
    public string? WeightsFile { get; set; }
}
