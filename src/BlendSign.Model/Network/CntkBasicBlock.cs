using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// As CNTK exported it: 3×3 → BN → ReLU → 3×3 → BN, plus the input (or its 1×1 stride-2 projection), then ReLU. A
// stride-2 block pads 1 before and 0 after its first convolution.
internal sealed class CntkBasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly int _stride;
    private readonly bool _inPlace;
    [ComponentName(Name = "conv1")]
    private readonly Conv2d _conv1;
    [ComponentName(Name = "bn1")]
    private readonly BatchNorm2d _bn1;
    [ComponentName(Name = "conv2")]
    private readonly Conv2d _conv2;
    [ComponentName(Name = "bn2")]
    private readonly BatchNorm2d _bn2;
    [ComponentName(Name = "downsample_conv")]
    private readonly Conv2d? _downsampleConv;
    [ComponentName(Name = "downsample_bn")]
    private readonly BatchNorm2d? _downsampleBn;

    /// <param name="inPlace">ReLU and the residual sum overwrite their input (part of the CPU fast path, see <see cref="CpuFastPathGuard"/>).</param>
    public CntkBasicBlock(int inChannels, int outChannels, int stride, bool inPlace) : base(nameof(CntkBasicBlock))
    {
        _stride = stride;
        _inPlace = inPlace;
        _conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: stride == 1 ? 1 : 0, bias: false);
        _bn1 = nn.BatchNorm2d(outChannels, eps: 1e-5);
        _conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        _bn2 = nn.BatchNorm2d(outChannels, eps: 1e-5);
        if (stride != 1 || inChannels != outChannels)
        {
            _downsampleConv = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
            _downsampleBn = nn.BatchNorm2d(outChannels, eps: 1e-5);
        }

        RegisterComponents();
    }

    public IEnumerable<(Conv2d Conv, BatchNorm2d Norm)> ConvolutionsInGraphOrder()
    {
        if (_downsampleConv is not null)
        {
            yield return (_downsampleConv, _downsampleBn!);
        }

        yield return (_conv1, _bn1);
        yield return (_conv2, _bn2);
    }

    internal bool AlwaysPadExplicitly { get; set; }

    public override Tensor forward(Tensor input)
    {
        var first = _stride == 1
            ? _conv1.forward(input)
            : !AlwaysPadExplicitly && CntkPadding.IsEven(input)
                // Pad 1 before and 0 after equals pad 1 on both sides for an even size at stride 2: no copy.
                ? nn.functional.conv2d(input, _conv1.weight, strides: [_stride, _stride], padding: [1, 1])
                : _conv1.forward(nn.functional.pad(input, [1, 0, 1, 0]));
        // In place, as torchvision's block does: batch norm's backward needs its input, not its output, so the ReLU
        // and the residual sum may overwrite the output instead of allocating two more maps per block.
        var x = Relu(_bn1.forward(first));
        x = _bn2.forward(_conv2.forward(x));
        var shortcut = _downsampleConv is null ? input : _downsampleBn!.forward(PointwiseConvolution.Forward(_downsampleConv, input));
        return Relu(_inPlace ? x.add_(shortcut) : x + shortcut);
    }

    private Tensor Relu(Tensor x) => _inPlace ? x.relu_() : x.relu();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var module in children())
            {
                module.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
