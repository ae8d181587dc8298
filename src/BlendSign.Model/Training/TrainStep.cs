using BlendSign.Model.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace BlendSign.Model.Training;

// The gradient norm is before clipping; NaN or ∞ when the backward pass produced non-finite gradients (no step taken).
public sealed record StepLoss(double Total, double Classification, double? Detection, double? Distillation)
{
    public double GradientNorm { get; init; } = double.NaN;
}

// A non-finite loss or gradient skips the update, so the weights stay those of the last finite step for the caller to report.
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
        var objective = distillation is not null && settings.NormalizeDistillationLoss
            ? terms.Total / (1.0 + settings.DistillationWeight)
            : terms.Total;
        optimizer.zero_grad();
        objective.backward();
        var parameters = model.parameters().Where(p => p.grad is not null).ToArray();
        // clip_grad_norm_ returns the norm before clipping; with an infinite bound it only measures.
        var clipTo = settings.GradientClipNorm > 0 ? settings.GradientClipNorm : double.PositiveInfinity;
        var norm = nn.utils.clip_grad_norm_(parameters, clipTo);
        // item() also waits for the step to finish on an asynchronous device (CUDA).
        var total = terms.Total.item<float>();
        if (float.IsFinite(total) && double.IsFinite(norm))
        {
            optimizer.step();
        }

        return new StepLoss(total, terms.Classification, terms.Detection, terms.Distillation) { GradientNorm = norm };
    }
}
