using BlendSign.Model.Network;
using BlendSign.Model.Training;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Network;

public class BranchTests
{
    [Theory]
    [InlineData(Backbones.TinyCnn, 64, 8)]
    [InlineData(Backbones.ResNet18, 64, 2)]
    public void Run_WithDetection_GivesLogitsAndAFiveChannelMapOnTheLastBlocksGrid(string backbone, int size, int grid)
    {
        random.manual_seed(1);
        using var model = new SliceClassifier(new NetworkOptions { Backbone = backbone, Detection = true });
        model.eval();
        using var scope = NewDisposeScope();

        var output = model.Run(rand(2, 3, size, size));

        Assert.Equal(new long[] { 2, SliceClassifier.ClassCount }, output.Logits.shape);
        Assert.Equal(new long[] { 2, DetectionHead.OutputChannels, grid, grid }, output.Detection!.shape);
        Assert.Equal(new long[] { 2, model.FeatureChannels, grid, grid }, output.Features.shape);
        Assert.Equal(grid, model.FeatureGrid(size, CPU));
    }

    [Fact]
    public void Backward_DetectionLossAlone_ReachesTheDetectionHeadAndTheBackboneButNotTheClassifier()
    {
        random.manual_seed(2);
        using var model = new SliceClassifier(new NetworkOptions { Backbone = Backbones.TinyCnn, Detection = true });
        model.train();
        using var scope = NewDisposeScope();
        var output = model.Run(rand(2, 3, 32, 32));
        var targets = DetectionTargets.Render([new UnitBox(0.2, 0.2, 0.6, 0.7)], 4);
        var center = tensor(targets.Center.Concat(targets.Center).ToArray(), [2, 1, 4, 4]);
        var distances = tensor(targets.Distances.Concat(targets.Distances).ToArray(), [2, 4, 4, 4]);
        var mask = tensor(targets.Mask.Concat(targets.Mask).ToArray(), [2, 1, 4, 4]);

        StudyLoss.Detection(output.Detection!, center, distances, mask).backward();

        var grads = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad);
        Assert.True(grads["detection.conv2.weight"]!.abs().sum().item<float>() > 0);
        Assert.True(grads["backbone.conv1.weight"]!.abs().sum().item<float>() > 0);
        Assert.Null(grads["classifier.weight"]);
    }

    [Fact]
    public void Backward_StudyLossWithAllTerms_GivesEveryParameterAFiniteGradient()
    {
        random.manual_seed(3);
        using var model = new SliceClassifier(new NetworkOptions { Backbone = Backbones.TinyCnn, Detection = true });
        model.train();
        using var scope = NewDisposeScope();
        var output = model.Run(rand(2, 3, 32, 32));
        var wce = WeightedCrossEntropy.Compute(output.Logits, tensor(new long[] { 0, 2 }), tensor(new[] { 1f, 2f, 20f }));
        var det = StudyLoss.Detection(output.Detection!, rand(2, 1, 4, 4), rand(2, 4, 4, 4), ones(2, 1, 4, 4));
        var kl = StudyLoss.Distillation(output.Logits, tensor(new[] { 0.2f, 0.3f, 0.5f, 0.6f, 0.3f, 0.1f }, [2, 3]));

        StudyLoss.Total(wce, det, kl, 1, 10).Total.backward();

        Assert.All(model.named_parameters(), p =>
        {
            Assert.NotNull(p.parameter.grad);
            Assert.True(isfinite(p.parameter.grad).all().item<bool>(), p.name);
            Assert.True(p.parameter.grad.abs().sum().item<float>() > 0, p.name);
        });
    }
}
