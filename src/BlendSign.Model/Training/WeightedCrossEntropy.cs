using static TorchSharp.torch;

namespace BlendSign.Model.Training;

// Σ w[yᵢ]·(−log softmax(xᵢ)[yᵢ]) / Σ w[yᵢ], as PyTorch's CrossEntropyLoss(weight) with mean reduction.
public static class WeightedCrossEntropy
{
    public static Tensor Compute(Tensor logits, Tensor targets, Tensor classWeights) =>
        nn.functional.cross_entropy(logits, targets, weight: classWeights);
}
