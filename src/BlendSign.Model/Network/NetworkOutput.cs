using static TorchSharp.torch;

namespace BlendSign.Model.Network;

/// <summary>
/// One forward pass: the last block's feature map (N×C×h×w), the class logits (N×3) and, with the detection branch,
/// its map (N×5×h×w: center logit, left, right, top, bottom).
/// </summary>
public sealed record NetworkOutput(Tensor Features, Tensor Logits, Tensor? Detection);
