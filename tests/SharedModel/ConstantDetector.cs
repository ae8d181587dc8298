using BlendSign.Model.Network;
using static TorchSharp.torch;

namespace BlendSign.Tests.Shared;

/// <summary>
/// A model file whose detection map is the same in every grid cell (the last convolution's weights zeroed, its biases
/// set), so the boxes it gives are known in advance: the plateau decodes to one box at the first cell.
/// </summary>
public static class ConstantDetector
{
    /// <param name="distances">Left, right, top and bottom distances from a cell's center, as fractions of the input's side.</param>
    public static void Save(NetworkOptions options, float centerLogit, float[] distances, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(distances);
        using var model = new SliceClassifier(options with { WeightsFile = null });
        using (no_grad())
        {
            var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            parameters["detection.conv2.weight"].zero_();
            parameters["detection.conv2.bias"].copy_(tensor([centerLogit, .. distances]));
        }

        foreach (var path in paths)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            model.save(path);
        }
    }
}
