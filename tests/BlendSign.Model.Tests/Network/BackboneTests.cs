using BlendSign.Model.Network;
using BlendSign.Model.Pretrained;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Network;

public class BackboneTests
{
    [Theory]
    [InlineData(Backbones.ResNet50, 64, 2048)]
    [InlineData(Backbones.Vgg16, 64, 512)]
    [InlineData(Backbones.InceptionV3, 80, 2048)]
    public void Create_TorchVisionWithoutWeightsFile_StartsRandomAndSaysSo(string backbone, int size, int channels)
    {
        random.manual_seed(4);
        using var model = new SliceClassifier(new NetworkOptions { Backbone = backbone, Detection = true });
        model.eval();
        using var scope = NewDisposeScope();

        var output = model.Run(rand(1, 3, size, size));

        Assert.False(model.Weights.Pretrained);
        Assert.Contains("random", model.Weights.Source);
        Assert.Equal(channels, output.Features.shape[1]);
        Assert.Equal(new long[] { 1, 3 }, output.Logits.shape);
    }

    [Fact]
    public void Create_ResNet50WithTorchvisionStateDict_LoadsItsWeights()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blendsign-resnet50-{Guid.NewGuid():N}.pt");
        try
        {
            random.manual_seed(5);
            using (var source = torchvision.models.resnet50())
            {
                source.save_py(path);
                using var model = new SliceClassifier(new NetworkOptions { Backbone = Backbones.ResNet50, WeightsFile = path, Detection = false });
                var expected = source.state_dict()["layer4.2.conv3.weight"];
                var actual = model.state_dict()["backbone.layer4.2.conv3.weight"];

                Assert.True(model.Weights.Pretrained, model.Weights.Source);
                Assert.True(allclose(expected, actual, rtol: 0, atol: 0));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_ResNet18WithoutTheOnnxFiles_StartsRandomAndSaysWhy()
    {
        using var model = new SliceClassifier(new NetworkOptions { PretrainedFiles = new PretrainedFiles("/nonexistent") });

        Assert.False(model.Weights.Pretrained);
        Assert.Contains("/nonexistent", model.Weights.Source);
    }

    [Fact]
    public void Create_WeightsFileForResNet18_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new SliceClassifier(new NetworkOptions { WeightsFile = "x.pt" }));
}
