using BlendSign.Model.Explain;
using BlendSign.Model.Network;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Explain;

public class GradCamTests
{
    private const int Size = 32;

    [Fact]
    public void Compute_HandSetNetwork_HeatsTheRegionThatCarriesTheClassEvidence()
    {
        // Features: local brightness on an 8×8 grid (one channel); blend_sign's logit grows with mean brightness,
        // so the evidence for it is exactly where the image is bright: the lower-right quadrant here.
        var image = new float[3 * Size * Size];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 20; y < 28; y++)
            {
                for (var x = 18; x < 30; x++)
                {
                    image[(c * Size + y) * Size + x] = 1f;
                }
            }
        }

        using var weight = tensor(new[] { -1f, 0f, 4f }, [3, 1]);
        NetworkOutput Run(Tensor input)
        {
            var features = nn.functional.avg_pool2d(input.mean([1], keepdim: true), 4);
            return new NetworkOutput(features, Classify(features), null);
        }

        Tensor Classify(Tensor features) => nn.functional.adaptive_avg_pool2d(features, [1, 1]).flatten(1).matmul(weight.t());

        var result = GradCam.Compute(Run, Classify, image, Size, targetClass: 2);

        Assert.Equal(Size * Size, result.Heatmap.Length);
        Assert.All(result.Heatmap, v => Assert.InRange(v, 0f, 1f));
        var hot = Array.IndexOf(result.Heatmap, result.Heatmap.Max());
        Assert.InRange(hot / Size, 18, 29);
        Assert.InRange(hot % Size, 16, 31);
        Assert.Equal(0f, result.Heatmap[2 * Size + 2]);
        // For non_ich the same brightness is evidence against: nothing is left after the ReLU.
        Assert.All(GradCam.Compute(Run, Classify, image, Size, targetClass: 0).Heatmap, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Compute_SliceClassifier_GivesANonNegativeMapOfTheInputsSizeForThePredictedClass()
    {
        random.manual_seed(6);
        using var model = new SliceClassifier(new NetworkOptions { Backbone = Backbones.TinyCnn, Detection = true });
        model.eval();
        var image = Enumerable.Range(0, 3 * 48 * 48).Select(i => (float)((i * 7919 % 101) / 100.0)).ToArray();

        var result = GradCam.Compute(model, image, 48);

        Assert.Equal(48 * 48, result.Heatmap.Length);
        Assert.All(result.Heatmap, v => Assert.True(v >= 0f && float.IsFinite(v)));
        Assert.Equal(result.Probabilities.ToList().IndexOf(result.Probabilities.Max()), result.TargetClass);
        Assert.Equal(1.0, result.Probabilities.Sum(), 4);
    }
}
