using BlendSign.Model.Augmentation;
using static TorchSharp.torch;

namespace BlendSign.Model.Training;

/// <summary>Builds batches on the CPU with only this batch's images in memory; augmentation moves images and boxes alike.</summary>
public sealed class BatchLoader(
    IImageSource images,
    int imageSize,
    int? grid = null,
    AugmentationOptions? augmentation = null,
    IReadOnlyDictionary<string, float[]>? teacher = null)
{
    public int? Grid => grid;

    public TrainingBatch Load(IReadOnlyList<TrainingExample> batch, Random? random = null)
    {
        var parameters = batch.Select(_ => augmentation is not null && random is not null
            ? AugmentationParameters.Sample(random, augmentation)
            : AugmentationParameters.Identity).ToArray();
        using var raw = BatchTensors.Images(batch, images, imageSize, CPU);
        var augmented = ImageAugmenter.Apply(raw, parameters);
        var labels = BatchTensors.Labels(batch, CPU);
        Tensor? center = null, distances = null, mask = null, soft = null;
        if (grid is { } g)
        {
            (center, distances, mask) = Targets(batch, parameters, g);
        }

        if (teacher is not null)
        {
            soft = tensor(batch.SelectMany(e => teacher.TryGetValue(e.SampleId, out var p)
                ? p
                : throw new KeyNotFoundException($"The teacher has no prediction for {e.SampleId}.")).ToArray(), [batch.Count, 3]);
        }

        return new TrainingBatch(augmented, labels, center, distances, mask, soft);
    }

    private static (Tensor Center, Tensor Distances, Tensor Mask) Targets(
        IReadOnlyList<TrainingExample> batch, IReadOnlyList<AugmentationParameters> parameters, int g)
    {
        var cells = g * g;
        var center = new float[batch.Count * cells];
        var distances = new float[batch.Count * DetectionTargets.DistanceChannels * cells];
        var mask = new float[batch.Count * cells];
        for (var i = 0; i < batch.Count; i++)
        {
            var boxes = batch[i].GoldBoxes
                .Select(b => parameters[i].Apply(b.Normalized()))
                .OfType<UnitBox>()
                .ToArray();
            var targets = DetectionTargets.Render(boxes, g);
            targets.Center.CopyTo(center, i * cells);
            targets.Distances.CopyTo(distances, i * DetectionTargets.DistanceChannels * cells);
            targets.Mask.CopyTo(mask, i * cells);
        }

        return (tensor(center, [batch.Count, 1, g, g]), tensor(distances, [batch.Count, DetectionTargets.DistanceChannels, g, g]),
            tensor(mask, [batch.Count, 1, g, g]));
    }
}
