using BlendSign.Model.Pretrained;

namespace BlendSign.Model.Network;

public sealed record NetworkOptions
{
    public string Backbone { get; init; } = Backbones.ResNet18;

    public bool Detection { get; init; } = true;

    /// <summary>A torchvision state dict (.pt, .pth, .bin or .safetensors, the ImageNet model's keys) for resnet50, vgg16 or inception_v3.</summary>
    public string? WeightsFile { get; init; }

    /// <summary>Where the ImageNet ResNet-18 (ONNX) lies; missing files mean a random ResNet-18, said in <see cref="SliceClassifier.Weights"/>.</summary>
    public PretrainedFiles PretrainedFiles { get; init; } = PretrainedFiles.Default;

    // Channels-last on the CPU: a 256-px ResNet-18 step spent about a sixth of its time reordering channels-first
    // activations for oneDNN (issue 14). Off by default: only CpuFastPathGuard.Apply turns it on, once the check passed on
    // this CPU (issue 20), and only for backbones with Backbones.HasCpuFastPath. On CUDA the layout stays as it is.
    public bool ChannelsLastOnCpu { get; init; }

    public bool RunsChannelsLastOnCpu => ChannelsLastOnCpu && Backbones.HasCpuFastPath(Backbone);
}
