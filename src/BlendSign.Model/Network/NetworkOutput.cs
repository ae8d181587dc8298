using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// Features N×C×h×w, logits N×3, detection N×5×h×w (center logit, left, right, top, bottom).
public sealed record NetworkOutput(Tensor Features, Tensor Logits, Tensor? Detection);
