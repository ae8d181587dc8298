using static TorchSharp.torch;

namespace BlendSign.Model.Training;

// Images N×3×S×S in [0,1], labels N; optionally center N×1×G×G, distances N×4×G×G, mask N×1×G×G and the teacher's
// probabilities N×3. Owns its tensors.
public sealed class TrainingBatch(Tensor images, Tensor labels, Tensor? center, Tensor? distances, Tensor? mask, Tensor? teacher) : IDisposable
{
    public Tensor Images { get; } = images;
    public Tensor Labels { get; } = labels;
    public Tensor? Center { get; } = center;
    public Tensor? Distances { get; } = distances;
    public Tensor? Mask { get; } = mask;
    public Tensor? Teacher { get; } = teacher;

    public int Count => (int)Images.shape[0];

    /// <summary>A copy on <paramref name="device"/> (the caller disposes both); on the same device, the tensors are aliased.</summary>
    public TrainingBatch To(Device device) =>
        new(Images.to(device), Labels.to(device), Center?.to(device), Distances?.to(device), Mask?.to(device), Teacher?.to(device));

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        Center?.Dispose();
        Distances?.Dispose();
        Mask?.Dispose();
        Teacher?.Dispose();
    }
}
