using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// Parameter names keep torchvision's (layer4.2.conv3.weight): a state dict is loaded into the whole model first, so a
// torchvision ImageNet file fits as saved; the classifier is then dropped.
internal static class TorchVisionFeatures
{
    public static readonly string[] ResNetChildren = ["conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4"];

    public static readonly string[] InceptionChildren =
    [
        "Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "maxpool1", "Conv2d_3b_1x1", "Conv2d_4a_3x3", "maxpool2",
        "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b", "Mixed_6c", "Mixed_6d", "Mixed_6e", "Mixed_7a", "Mixed_7b", "Mixed_7c",
    ];

    public static BackboneParts Create(nn.Module model, IReadOnlyList<string> childNames, int channels, string? weightsFile)
    {
        var weights = weightsFile is null
            ? BackboneWeights.Random("no torchvision state dict configured")
            : Load(model, weightsFile, childNames);
        var children = model.named_children().ToDictionary(c => c.name, c => c.module, StringComparer.Ordinal);
        var kept = childNames.Select(name => children.TryGetValue(name, out var child) && child is nn.Module<Tensor, Tensor> typed
                ? (name, typed)
                : throw new InvalidOperationException($"TorchVision's model has no child '{name}'."))
            .ToArray();
        // The Sequential takes the kept children; the rest (pooling, classifier, auxiliary head) is freed here.
        // Disposing the whole model would free the kept children too.
        foreach (var (name, child) in children.Where(c => !childNames.Contains(c.Key)))
        {
            child.Dispose();
        }

        return new BackboneParts(new ImageNetInput(), nn.Sequential(kept), channels, weights);
    }

    private static BackboneWeights Load(nn.Module model, string path, IReadOnlyList<string> childNames)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The weights file {path} does not exist.", path);
        }

        var loaded = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            model.load_safetensors(path, strict: false, loadedParameters: loaded);
        }
        else
        {
            model.load_py(path, strict: false, loadedParameters: loaded);
        }

        var missing = model.state_dict().Keys
            .Where(key => childNames.Any(child => key.StartsWith(child + ".", StringComparison.Ordinal)))
            .Where(key => !loaded.GetValueOrDefault(key))
            .ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException(
                $"The weights file {Path.GetFileName(path)} lacks {missing.Length} of the backbone's tensors (first: {missing[0]}); is it this architecture's torchvision state dict?");
        }

        return new BackboneWeights(true, "torchvision state dict " + Path.GetFileName(path));
    }
}
