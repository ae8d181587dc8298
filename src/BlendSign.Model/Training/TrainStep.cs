using BlendSign.Model.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace BlendSign.Model.Training;

/// <summary>The values of one step's loss and its terms.</summary>
public sealed record StepLoss(double Total, double Classification, double? Detection, double? Distillation);

/// <summary>One SGD step on a batch: forward, the study's loss (terms as the batch and network allow), backward, update.</summary>
public static class TrainStep
{
    public static StepLoss Run(SliceClassifier model, OptimizerHelper optimizer, TrainingBatch batch, Tensor classWeights, TrainingSettings settings, Device device)
    {
        using var scope = NewDisposeScope();
        using var onDevice = batch.Images.device == device ? null : batch.To(device);
        var b = onDevice ?? batch;
        var output = model.Run(b.Images);
        var classification = WeightedCrossEntropy.Compute(output.Logits, b.Labels, classWeights);
        var detection = output.Detection is not null && b.Center is not null
            ? StudyLoss.Detection(output.Detection, b.Center, b.Distances!, b.Mask!)
            : null;
        var distillation = b.Teacher is not null ? StudyLoss.Distillation(output.Logits, b.Teacher) : null;
        var terms = StudyLoss.Total(classification, detection, distillation, settings.DetectionWeight, settings.DistillationWeight);
        optimizer.zero_grad();
        terms.Total.backward();
        optimizer.step();
        // item() also waits for the step to finish on an asynchronous device (CUDA).
        return new StepLoss(terms.Total.item<float>(), terms.Classification, terms.Detection, terms.Distillation);
    }
}
