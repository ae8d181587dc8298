using BlendSign.Model.Training;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Training;

public class WeightedCrossEntropyTests
{
    [Fact]
    public void Compute_TwoSamples_EqualsHandComputedWeightedMean()
    {
        // Sample 1: logits (2, 1, 0), gold non_ich (weight 1); sample 2: logits (0, 0, 3), gold blend_sign (weight 20).
        using var logits = tensor(new[] { 2f, 1f, 0f, 0f, 0f, 3f }).reshape(2, 3);
        using var target = tensor(new long[] { 0, 2 });
        using var weights = tensor(new[] { 1f, 2f, 20f });
        var nll1 = -Math.Log(Math.Exp(2) / (Math.Exp(2) + Math.Exp(1) + 1));
        var nll2 = -Math.Log(Math.Exp(3) / (1 + 1 + Math.Exp(3)));
        var expected = (1 * nll1 + 20 * nll2) / (1 + 20);

        using var loss = WeightedCrossEntropy.Compute(logits, target, weights);

        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void Compute_EqualWeights_EqualsPlainCrossEntropy()
    {
        using var logits = tensor(new[] { 0.5f, -1f, 2f, 1f, 1f, 1f, -3f, 0f, 4f }).reshape(3, 3);
        using var target = tensor(new long[] { 2, 0, 1 });
        using var weights = tensor(new[] { 3f, 3f, 3f });
        using var plain = nn.functional.cross_entropy(logits, target);

        using var loss = WeightedCrossEntropy.Compute(logits, target, weights);

        Assert.Equal(plain.item<float>(), loss.item<float>(), 5);
    }
}
