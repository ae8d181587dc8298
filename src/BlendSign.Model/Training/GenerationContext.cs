using BlendSign.Model.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace BlendSign.Model.Training;

/// <summary>What every epoch of one generation shares; the trainer owns and disposes the model, optimizer and weights.</summary>
internal sealed record GenerationContext(
    int Fold,
    int Generation,
    SliceClassifier Model,
    SGD Optimizer,
    Tensor ClassWeights,
    BatchLoader Loader,
    IReadOnlyList<Range> Batches,
    long TotalIterations);
