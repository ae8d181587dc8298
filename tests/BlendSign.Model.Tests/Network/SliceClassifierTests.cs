using BlendSign.Model.Network;
using BlendSign.Model.Training;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Network;

/// <summary>Also the proof that the build step made libLibTorchSharp.so loadable here (a forward and a backward pass).</summary>
public class SliceClassifierTests
{
    [Fact]
    public void Forward_BatchOfImages_GivesThreeLogitsPerImage()
    {
        random.manual_seed(1);
        using var model = new SliceClassifier(Backbones.ResNet18);
        model.eval();
        using var input = rand(4, 3, 32, 32);

        using var output = model.forward(input);

        Assert.Equal(new long[] { 4, SliceClassifier.ClassCount }, output.shape);
        Assert.True(isfinite(output).all().item<bool>());
    }

    [Fact]
    public void Backward_WeightedLoss_GivesEveryParameterAFiniteGradient()
    {
        random.manual_seed(2);
        using var model = new SliceClassifier(Backbones.ResNet18);
        model.train();
        using var input = rand(4, 3, 32, 32);
        using var target = tensor(new long[] { 0, 1, 2, 1 });
        using var weights = tensor(new[] { 1f, 2f, 20f });

        using var loss = WeightedCrossEntropy.Compute(model.forward(input), target, weights);
        loss.backward();

        var parameters = model.named_parameters().ToList();
        Assert.NotEmpty(parameters);
        Assert.All(parameters, p =>
        {
            using var grad = p.parameter.grad;
            Assert.NotNull(grad);
            Assert.True(isfinite(grad).all().item<bool>(), p.name);
        });
        using var stemGradient = parameters.Single(p => p.name.EndsWith("conv1.weight", StringComparison.Ordinal) && !p.name.Contains("layer")).parameter.grad!;
        Assert.True(stemGradient.abs().sum().item<float>() > 0, "the stem convolution gets no gradient");
    }

    [Fact]
    public void Constructor_UnknownBackbone_Throws() =>
        Assert.Throws<ArgumentException>(() => new SliceClassifier("vgg99"));
}
