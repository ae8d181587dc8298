using BlendSign.Model.Pretrained;
using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// resnet18 starts from the ImageNet weights shipped in the ML.NET ResNet-18 package (CNTK's variant); resnet50, vgg16
// and inception_v3 are TorchVision's, random unless a torchvision state dict is configured; tiny_cnn is for tests.
public static class Backbones
{
    public const string ResNet18 = "resnet18";
    public const string ResNet50 = "resnet50";
    public const string Vgg16 = "vgg16";
    public const string InceptionV3 = "inception_v3";
    public const string TinyCnn = "tiny_cnn";

    public static IReadOnlyList<string> Supported { get; } = [ResNet18, ResNet50, Vgg16, InceptionV3, TinyCnn];

    public static IReadOnlyList<string> TakeWeightsFile { get; } = [ResNet50, Vgg16, InceptionV3];

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public static bool IsSupported(string? name) => name is not null && Supported.Contains(Normalize(name));

    // Only our ResNet-18 and the tiny test network, whose 1×1 convolutions avoid oneDNN's brgemm 1×1 kernel. TorchVision's
    // models run that kernel inside their modules, where it crashed (ResNet-50 on AMD EPYC, issue 20), and were never timed.
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

internal sealed record BackboneParts(nn.Module<Tensor, Tensor> Input, nn.Module<Tensor, Tensor> Features, int Channels, BackboneWeights Weights);
