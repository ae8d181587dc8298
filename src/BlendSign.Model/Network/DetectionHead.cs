using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// Anchor-free: per grid cell, the center logit and the distances from the cell's center to the box's left, right, top
// and bottom edges as fractions of the image side (see DetectionTargets).
public sealed class DetectionHead : nn.Module<Tensor, Tensor>
{
    public const int OutputChannels = 5;

    [ComponentName(Name = "conv1")]
    private readonly Conv2d _conv1;

    [ComponentName(Name = "conv2")]
    private readonly Conv2d _conv2;

    public DetectionHead(int inChannels) : base(nameof(DetectionHead))
    {
        var hidden = Math.Min(256, inChannels);
        _conv1 = nn.Conv2d(inChannels, hidden, 3, padding: 1);
        _conv2 = nn.Conv2d(hidden, OutputChannels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor features) => PointwiseConvolution.Forward(_conv2, nn.functional.relu(_conv1.forward(features)));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _conv1.Dispose();
            _conv2.Dispose();
        }

        base.Dispose(disposing);
    }
}
