using BlendSign.Model.Pretrained;
using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

/// <summary>
/// The backbones a run can name. <c>resnet18</c> starts from the ImageNet weights shipped in the ML.NET ResNet-18
/// package (CNTK's variant, <see cref="CntkResNet18"/>); <c>resnet50</c>, <c>vgg16</c> and <c>inception_v3</c> are
/// TorchVision's builders, random unless a torchvision state dict is configured; <c>tiny_cnn</c> is for tests.
/// Each gives the last block's feature map; the branches sit on it.
/// </summary>
public static class Backbones
{
    public const string ResNet18 = "resnet18";
    public const string ResNet50 = "resnet50";
    public const string Vgg16 = "vgg16";
    public const string InceptionV3 = "inception_v3";
    public const string TinyCnn = "tiny_cnn";

    public static IReadOnlyList<string> Supported { get; } = [ResNet18, ResNet50, Vgg16, InceptionV3, TinyCnn];

    /// <summary>The backbones that read a torchvision state dict (<see cref="NetworkOptions.WeightsFile"/>).</summary>
    public static IReadOnlyList<string> TakeWeightsFile { get; } = [ResNet50, Vgg16, InceptionV3];

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public static bool IsSupported(string? name) => name is not null && Supported.Contains(Normalize(name));

    /// <summary>
    /// Whether the backbone may run channels-last on the CPU (<see cref="CpuFastPathGuard"/>): our own ResNet-18 and the
    /// tiny test network, whose 1×1 convolutions avoid oneDNN's brgemm 1×1 kernel (<see cref="PointwiseConvolution"/>).
    /// TorchVision's models run theirs inside TorchVision's modules, where that kernel crashed (ResNet-50 on AMD EPYC,
    /// issue 20), and no speed was ever measured for them; they keep libtorch's default layout.
    /// </summary>
    public static bool HasCpuFastPath(string name) => Normalize(name) is ResNet18 or TinyCnn;

    /// <summary>The smallest input each backbone takes (Inception v3's stem and reductions need about 75 pixels).</summary>
    public static int MinimumImageSize(string name) => Normalize(name) == InceptionV3 ? 80 : 32;

    internal static BackboneParts Create(NetworkOptions options)
    {
        var name = Normalize(options.Backbone);
        if (options.WeightsFile is not null && !TakeWeightsFile.Contains(name))
        {
            throw new ArgumentException($"A weights file applies to {string.Join(", ", TakeWeightsFile)}; {name} does not take one.");
        }

        return name switch
        {
            ResNet18 => PretrainedResNet18(options.PretrainedFiles, inPlace: options.ChannelsLastOnCpu),
            ResNet50 => TorchVisionFeatures.Create(torchvision.models.resnet50(), TorchVisionFeatures.ResNetChildren, 2048, options.WeightsFile),
            Vgg16 => TorchVisionFeatures.Create(torchvision.models.vgg16(), ["features"], 512, options.WeightsFile),
            InceptionV3 => TorchVisionFeatures.Create(torchvision.models.inception_v3(), TorchVisionFeatures.InceptionChildren, 2048, options.WeightsFile),
            TinyCnn => new BackboneParts(nn.Identity(), Network.TinyCnn.Create(), Network.TinyCnn.Channels,
                BackboneWeights.Random("tiny_cnn has no pretrained weights")),
            _ => throw new ArgumentException($"Unknown backbone '{options.Backbone}'; available: {string.Join(", ", Supported)}.", nameof(options)),
        };
    }

    private static BackboneParts PretrainedResNet18(PretrainedFiles files, bool inPlace)
    {
        var network = new CntkResNet18(inPlace);
        if (!files.Exist)
        {
            return new BackboneParts(new ImageNetInput(), network, CntkResNet18.FeatureChannels,
                BackboneWeights.Random($"the ImageNet ResNet-18 was not found in {files.Directory}"));
        }

        ResNet18Weights.Load(network, OnnxReader.Read(files.ResNet18));
        var mean = ResNet18Weights.MeanImage(OnnxReader.Read(files.MeanImage));
        return new BackboneParts(new MeanImageInput(mean), network, CntkResNet18.FeatureChannels,
            new BackboneWeights(true, "ImageNet ResNet-18 of Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 (ONNX)"));
    }
}

/// <summary>A backbone's input adapter, its feature extractor, the extractor's output channels, and where its weights came from.</summary>
internal sealed record BackboneParts(nn.Module<Tensor, Tensor> Input, nn.Module<Tensor, Tensor> Features, int Channels, BackboneWeights Weights);
