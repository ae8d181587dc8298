using BlendSign.Model.Network;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Network;

/// <summary>The channels-last layout (issue 14): the same values stored pixel by pixel, and a network that computes the same in either layout.</summary>
public class ChannelsLastTests
{
    [Fact]
    public void Of_ContiguousTensor_SameValuesStoredPixelByPixel()
    {
        using var scope = NewDisposeScope();
        var x = arange(2 * 3 * 4 * 5, dtype: float32).reshape(2, 3, 4, 5);

        var last = ChannelsLast.Of(x);

        Assert.False(ChannelsLast.Is(x));
        Assert.True(ChannelsLast.Is(last));
        Assert.Equal(x.shape, last.shape);
        Assert.Equal(new long[] { 60, 1, 15, 3 }, last.stride());
        Assert.True(last.eq(x).all().item<bool>());
    }

    [Fact]
    public void Is_SizeOneDimensions_HaveNoSay()
    {
        using var scope = NewDisposeScope();

        Assert.True(ChannelsLast.Is(rand(8, 4, 1, 1)));
        Assert.True(ChannelsLast.Is(rand(1, 1, 5, 5)));
        Assert.False(ChannelsLast.Is(rand(1, 2, 5, 5)));
    }

    [Fact]
    public void Of_AlreadyChannelsLast_ReturnsTheSameTensor()
    {
        using var scope = NewDisposeScope();
        var last = ChannelsLast.Of(rand(1, 4, 6, 6));

        Assert.Same(last, ChannelsLast.Of(last));
    }

    [Fact]
    public void Of_NotFourDimensional_Refuses()
    {
        using var scope = NewDisposeScope();

        var error = Assert.Throws<ArgumentException>(() => ChannelsLast.Of(rand(3, 6, 6)));

        Assert.Contains("N×C×H×W", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(65)]
    public void SliceClassifier_ChannelsLastOnCpu_SameOutputsAndGradientsAsChannelsFirst(int size)
    {
        random.manual_seed(21);
        var options = new NetworkOptions { Backbone = Backbones.ResNet18, Detection = true };
        using var last = new SliceClassifier(options with { ChannelsLastOnCpu = true });
        using var first = new SliceClassifier(options with { ChannelsLastOnCpu = false });
        first.load_state_dict(last.state_dict());
        // Evaluation mode, as CntkPaddingTests: training-mode batch statistics over 2×2 maps of two images magnify
        // rounding differences (a percent in some gradients), which would hide a real difference of layout.
        last.eval();
        first.eval();
        using var scope = NewDisposeScope();
        var input = rand(2, 3, size, size);

        var a = last.Run(input);
        var b = first.Run(input);
        (a.Logits.sum() + a.Detection!.sum()).backward();
        (b.Logits.sum() + b.Detection!.sum()).backward();

        Assert.True(ChannelsLast.Is(a.Features));
        Assert.False(ChannelsLast.Is(b.Features));
        Assert.True((a.Logits - b.Logits).abs().max().item<float>() < 1e-4f);
        Assert.True((a.Detection - b.Detection!).abs().max().item<float>() < 1e-4f);
        var gradients = last.parameters().Zip(first.parameters()).ToList();
        Assert.NotEmpty(gradients);
        Assert.All(gradients, pair =>
        {
            var (g1, g2) = (pair.First.grad!, pair.Second.grad!);
            var scale = Math.Max(1f, g2.abs().max().item<float>());
            var difference = (g1 - g2).abs().max().item<float>();
            Assert.True(difference < 1e-4f * scale, $"{difference} against {scale}");
        });
    }

    [Fact]
    public void FreezeForCpuInference_SameOutputs_WeightsChannelsLast_NoLongerSaved()
    {
        random.manual_seed(22);
        var options = new NetworkOptions { Backbone = Backbones.ResNet18, Detection = true, ChannelsLastOnCpu = true };
        using var frozen = new SliceClassifier(options);
        using var reference = new SliceClassifier(options with { ChannelsLastOnCpu = false });
        reference.load_state_dict(frozen.state_dict());
        reference.eval();
        using var scope = NewDisposeScope();
        var input = rand(1, 3, 64, 64);

        frozen.FreezeForCpuInference();

        Assert.True(frozen.FrozenForCpuInference);
        Assert.False(frozen.training);
        var convolutionWeights = frozen.parameters().Where(p => p.dim() == 4).ToList();
        Assert.NotEmpty(convolutionWeights);
        Assert.All(convolutionWeights, w => Assert.True(ChannelsLast.Is(w)));
        using (no_grad())
        {
            var a = frozen.Run(input);
            var b = reference.Run(input);
            Assert.True((a.Logits - b.Logits).abs().max().item<float>() < 1e-4f);
            Assert.True((a.Detection! - b.Detection!).abs().max().item<float>() < 1e-4f);
        }

        var error = Assert.Throws<InvalidOperationException>(() => frozen.save(Path.Combine(Path.GetTempPath(), $"frozen-{Guid.NewGuid():N}.bin")));
        Assert.Contains("frozen for CPU inference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SliceClassifier_TorchVisionBackbone_KeepsChannelsFirstWhenAskedForChannelsLast()
    {
        // ResNet-50's 1×1 convolutions run inside TorchVision's modules, through the kernel that crashed (issue 20).
        using var model = new SliceClassifier(new NetworkOptions { Backbone = Backbones.ResNet50, Detection = false, ChannelsLastOnCpu = true });
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();

        var features = model.Run(rand(1, 3, 64, 64)).Features;

        Assert.False(model.ChannelsLastOnCpu);
        Assert.False(ChannelsLast.Is(features));
    }

    [Fact]
    public void NetworkOptions_ByDefault_TheReferenceLayout()
    {
        using var model = new SliceClassifier(new NetworkOptions { Backbone = Backbones.TinyCnn, Detection = false });

        Assert.False(new NetworkOptions().ChannelsLastOnCpu);
        Assert.False(model.ChannelsLastOnCpu);
    }

    [Fact]
    public void FreezeForCpuInference_ChannelsFirst_OnlyEvaluationMode()
    {
        using var model = new SliceClassifier(new NetworkOptions { Backbone = Backbones.TinyCnn, Detection = false, ChannelsLastOnCpu = false });

        model.FreezeForCpuInference();

        Assert.False(model.FrozenForCpuInference);
        Assert.False(model.training);
        Assert.NotEmpty(model.state_dict());
    }
}
