using BlendSign.Model.Network;
using static TorchSharp.torch;

namespace BlendSign.Model.Explain;

/// <summary>Grad-CAM of the classification decision, scaled so its maximum is 1 (all zeros when nothing speaks for the class).</summary>
public static class GradCam
{
    /// <summary>The heatmap (S×S, row-major, in [0,1]) for one image (3×S×S in [0,1]) and a class (null: the predicted one).</summary>
    public static GradCamResult Compute(SliceClassifier model, float[] image, int imageSize, int? targetClass = null) =>
        Compute(model.Run, model.Classify, image, imageSize, targetClass);

    public static GradCamResult Compute(Func<Tensor, NetworkOutput> run, Func<Tensor, Tensor> classify, float[] image, int imageSize, int? targetClass = null)
    {
        using var scope = NewDisposeScope();
        using var enableGrad = enable_grad();
        var input = tensor(image, [1, 3, imageSize, imageSize]);
        var features = run(input).Features.detach().requires_grad_(true);
        var logits = classify(features);
        var probabilities = nn.functional.softmax(logits, 1).squeeze(0).data<float>().ToArray();
        var target = targetClass ?? Array.IndexOf(probabilities, probabilities.Max());
        var gradient = autograd.grad([logits[0, target]], [features])[0];
        var channelWeights = gradient.mean([2, 3], keepdim: true);
        var cam = nn.functional.relu((channelWeights * features).sum(1, keepdim: true)).detach();
        var resized = nn.functional.interpolate(cam, [imageSize, imageSize], mode: InterpolationMode.Bilinear, align_corners: false).clamp_min(0);
        var max = resized.max().item<float>();
        var heat = (max > 0 ? resized / max : resized).flatten().data<float>().ToArray();
        return new GradCamResult(target, probabilities, imageSize, heat);
    }
}

public sealed record GradCamResult(int TargetClass, IReadOnlyList<float> Probabilities, int Size, float[] Heatmap);
