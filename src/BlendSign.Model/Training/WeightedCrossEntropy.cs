using static TorchSharp.torch;

namespace BlendSign.Model.Training;

/// <summary>
/// Class-weighted cross-entropy over logits: Σ w[yᵢ]·(−log softmax(xᵢ)[yᵢ]) / Σ w[yᵢ], as PyTorch's
/// <c>CrossEntropyLoss(weight)</c> with mean reduction.
/// </summary>
public static class WeightedCrossEntropy
{
    public static Tensor Compute(Tensor logits, Tensor targets, Tensor classWeights) =>
        nn.functional.cross_entropy(logits, targets, weight: classWeights);
}
