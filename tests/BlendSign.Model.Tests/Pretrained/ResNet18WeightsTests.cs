using BlendSign.Model.Network;
using BlendSign.Model.Pretrained;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Pretrained;

/// <summary>
/// The proof of the weight mapping: ONNX Runtime runs the package's own two graphs (mean-image preprocessing, then
/// ResNet-18) on an RGB image on the 0–255 scale; our network runs the same image in [0,1] through its input adapter
/// and the mapped backbone; the 512 pooled features must agree.
/// </summary>
public class ResNet18WeightsTests
{
    private const int Size = 224;

    /// <param name="channelsLast">The CPU fast path (checked per CPU by CpuFastPathGuard) or libtorch's default layout.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PretrainedResNet18_SameImage_MatchesOnnxRuntimeFeatures(bool channelsLast)
    {
        var files = PretrainedFiles.Default;
        Assert.True(files.Exist, $"The build should copy the ONNX files to {files.Directory}.");
        var rgb = RandomImage(seed: 5);

        var expected = OnnxFeatures(files, rgb);

        random.manual_seed(1);
        using var network = new SliceClassifier(new NetworkOptions { Backbone = Backbones.ResNet18, Detection = false, ChannelsLastOnCpu = channelsLast });
        network.eval();
        Assert.True(network.Weights.Pretrained, network.Weights.Source);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var input = tensor(rgb, [1, 3, Size, Size]);
        var features = nn.functional.adaptive_avg_pool2d(network.Run(input).Features, [1, 1]).flatten().data<float>().ToArray();

        Assert.Equal(512, features.Length);
        var worst = expected.Zip(features, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-4, $"largest difference {worst} (features up to {expected.Max()})");
        Assert.True(expected.Max() > 0.1, "the reference features are all near zero; the comparison would prove nothing");
    }

    [Fact]
    public void Read_ResNet18_HasTheLayoutOfDesignMd()
    {
        var graph = OnnxReader.Read(PretrainedFiles.Default.ResNet18);

        Assert.Equal(22, graph.Nodes.Count(n => n.OpType == "Conv"));
        Assert.Equal(22, graph.Nodes.Count(n => n.OpType == "BatchNormalization"));
        Assert.Equal(110, graph.Initializers.Count);
        Assert.Equal([3L, 3, 2, 2], graph.Nodes.First(n => n.OpType == "Conv").Ints("pads"));
        Assert.Equal([64L, 3, 7, 7], graph.Initializers[graph.Nodes.First(n => n.OpType == "Conv").Inputs[1]].Dims);
    }

    [Fact]
    public void Load_GraphWithAConvolutionMissing_IsRefused()
    {
        var graph = OnnxReader.Read(PretrainedFiles.Default.ResNet18);
        var firstConv = graph.Nodes.First(n => n.OpType == "Conv");
        var broken = graph with { Nodes = [.. graph.Nodes.Where(n => !ReferenceEquals(n, firstConv))] };
        using var network = new CntkResNet18();

        Assert.Throws<InvalidDataException>(() => ResNet18Weights.Load(network, broken));
    }

    private static float[] RandomImage(int seed)
    {
        var random = new Random(seed);
        var image = new float[3 * Size * Size];
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (float)random.NextDouble();
        }

        return image;
    }

    private static float[] OnnxFeatures(PretrainedFiles files, float[] rgbUnit)
    {
        using var preprocess = new InferenceSession(files.MeanImage);
        using var resnet = new InferenceSession(files.ResNet18);
        var rgb255 = new DenseTensor<float>(rgbUnit.Select(v => v * 255f).ToArray(), [1, 3, Size, Size]);
        using var prepared = preprocess.Run([NamedOnnxValue.CreateFromTensor(preprocess.InputMetadata.Keys.Single(), rgb255)]);
        var bgr = prepared.Single().AsTensor<float>().ToDenseTensor();
        using var output = resnet.Run([NamedOnnxValue.CreateFromTensor(resnet.InputMetadata.Keys.Single(), bgr)]);
        var features = output.Single().AsTensor<float>();
        Assert.Equal([1, 512, 1, 1], features.Dimensions.ToArray());
        return features.ToArray();
    }
}
