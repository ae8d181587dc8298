using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

/// <summary>The backbones a run can name. Only ResNet-18 exists for now (random init; pretrained weights come later).</summary>
public static class Backbones
{
    public const string ResNet18 = "resnet18";

    public static IReadOnlyList<string> Supported { get; } = [ResNet18];

    public static bool IsSupported(string? name) => name is not null && Supported.Contains(name.Trim().ToLowerInvariant());

    internal static nn.Module<Tensor, Tensor> Create(string name, int classes) => name.Trim().ToLowerInvariant() switch
    {
        ResNet18 => torchvision.models.resnet18(num_classes: classes),
        _ => throw new ArgumentException(
            $"Unknown backbone '{name}'; available: {string.Join(", ", Supported)}.", nameof(name)),
    };
}
