using BlendSign.Model.Pretrained;

namespace BlendSign.Model.Network;

/// <summary>What <see cref="SliceClassifier"/> is built from.</summary>
public sealed record NetworkOptions
{
    public string Backbone { get; init; } = Backbones.ResNet18;

    /// <summary>Adds the auxiliary detection branch (center heatmap and box distances).</summary>
    public bool Detection { get; init; } = true;

    /// <summary>
    /// A torchvision state dict for resnet50, vgg16 or inception_v3 (PyTorch <c>.pt</c>/<c>.pth</c>/<c>.bin</c> or
    /// <c>.safetensors</c>, the ImageNet model's keys); null starts them from random weights.
    /// </summary>
    public string? WeightsFile { get; init; }

    /// <summary>Where the ImageNet ResNet-18 (ONNX) lies; missing files mean a random ResNet-18, said in <see cref="SliceClassifier.Weights"/>.</summary>
    public PretrainedFiles PretrainedFiles { get; init; } = PretrainedFiles.Default;

    /// <summary>
    /// The CPU fast path: on the CPU, the backbone and the branches run on channels-last tensors (<see cref="ChannelsLast"/>;
    /// a 256-px training step of the ResNet-18 spent about a sixth of its time reordering channels-first activations
    /// for oneDNN, issue 14), 1×1 convolutions run as matrix products (<see cref="PointwiseConvolution"/>), and the
    /// ResNet-18's ReLUs and residual sums run in place. Off by default: only <see cref="CpuFastPathGuard.Apply"/> turns
    /// it on, once the check passed on this CPU (issue 20), and only for backbones with
    /// <see cref="Backbones.HasCpuFastPath"/>; others ignore it. On CUDA the input keeps its layout either way.
    /// </summary>
    public bool ChannelsLastOnCpu { get; init; }

    /// <summary>Whether a network built from these options runs channels-last on the CPU: asked for, and its backbone has the fast path.</summary>
    public bool RunsChannelsLastOnCpu => ChannelsLastOnCpu && Backbones.HasCpuFastPath(Backbone);
}
