using static TorchSharp.torch;

namespace BlendSign.Model.Network;

/// <summary>Three stride-2 convolutions (16, 32, 64 channels): a backbone for tests and smoke runs, not for results.</summary>
internal static class TinyCnn
{
    public const int Channels = 64;

    public static nn.Module<Tensor, Tensor> Create() => nn.Sequential(
        ("conv1", nn.Conv2d(3, 16, 3, stride: 2, padding: 1, bias: false)), ("bn1", nn.BatchNorm2d(16)), ("relu1", nn.ReLU()),
        ("conv2", nn.Conv2d(16, 32, 3, stride: 2, padding: 1, bias: false)), ("bn2", nn.BatchNorm2d(32)), ("relu2", nn.ReLU()),
        ("conv3", nn.Conv2d(32, Channels, 3, stride: 2, padding: 1, bias: false)), ("bn3", nn.BatchNorm2d(Channels)), ("relu3", nn.ReLU()));
}
