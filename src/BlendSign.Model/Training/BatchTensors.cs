using static TorchSharp.torch;

namespace BlendSign.Model.Training;

internal static class BatchTensors
{
    public static Tensor Images(IReadOnlyList<TrainingExample> batch, IImageSource source, int imageSize, Device device)
    {
        var plane = 3 * imageSize * imageSize;
        var buffer = new float[batch.Count * plane];
        for (var i = 0; i < batch.Count; i++)
        {
            var image = source.GetImage(batch[i].SampleId, imageSize);
            if (image.Length != plane)
            {
                throw new InvalidOperationException(
                    $"The image source gave {image.Length} values for a 3×{imageSize}×{imageSize} image ({plane} expected).");
            }

            image.CopyTo(buffer, i * plane);
        }

        return tensor(buffer, [batch.Count, 3, imageSize, imageSize], device: device);
    }

    public static Tensor Labels(IReadOnlyList<TrainingExample> batch, Device device) =>
        tensor(batch.Select(e => (long)e.Label).ToArray(), device: device);
}
