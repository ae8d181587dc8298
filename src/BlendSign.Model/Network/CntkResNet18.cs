using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// The ResNet-18 variant of Microsoft.ML.DnnImageFeaturizer.ResNet18 (exported by CNTK): stages of 2, 2, 2 and 3 basic
// blocks, 1×1 stride-2 projection shortcuts, CNTK's asymmetric padding (3/2 for the 7×7 stem, 1/0 for the max-pool and
// every stride-2 3×3 convolution), batch-norm epsilon 1e-5. The ONNX model's 7×7 average pool is the head's pooling here.
public sealed class CntkResNet18 : nn.Module<Tensor, Tensor>
{
    public const int FeatureChannels = 512;
    private static readonly int[] BlocksPerStage = [2, 2, 2, 3];

    [ComponentName(Name = "conv1")]
    private readonly Conv2d _conv1;
    [ComponentName(Name = "bn1")]
    private readonly BatchNorm2d _bn1;
    [ComponentName(Name = "layer1")]
    private readonly ModuleList<CntkBasicBlock> _layer1;
    [ComponentName(Name = "layer2")]
    private readonly ModuleList<CntkBasicBlock> _layer2;
    [ComponentName(Name = "layer3")]
    private readonly ModuleList<CntkBasicBlock> _layer3;
    [ComponentName(Name = "layer4")]
    private readonly ModuleList<CntkBasicBlock> _layer4;

    private readonly bool _inPlace;

    public CntkResNet18(bool inPlace = false) : base(nameof(CntkResNet18))
    {
        _inPlace = inPlace;
        _conv1 = nn.Conv2d(3, 64, 7, stride: 2, bias: false);
        _bn1 = nn.BatchNorm2d(64, eps: 1e-5);
        _layer1 = Stage(64, 64, BlocksPerStage[0], stride: 1, inPlace);
        _layer2 = Stage(64, 128, BlocksPerStage[1], stride: 2, inPlace);
        _layer3 = Stage(128, 256, BlocksPerStage[2], stride: 2, inPlace);
        _layer4 = Stage(256, 512, BlocksPerStage[3], stride: 2, inPlace);
        RegisterComponents();
    }

    /// <summary>Every convolution with its batch norm, in the order CNTK's graph runs them (a projection before its block's main path).</summary>
    internal IEnumerable<(Conv2d Conv, BatchNorm2d Norm)> ConvolutionsInGraphOrder()
    {
        yield return (_conv1, _bn1);
        foreach (var block in new[] { _layer1, _layer2, _layer3, _layer4 }.SelectMany(stage => stage))
        {
            foreach (var pair in block.ConvolutionsInGraphOrder())
            {
                yield return pair;
            }
        }
    }

    /// <summary>Pads explicitly whatever the input size (the tests compare both paths); off, even sizes take the fast path.</summary>
    internal bool AlwaysPadExplicitly { get; set; }

    public override Tensor forward(Tensor input)
    {
        Tensor x;
        if (!AlwaysPadExplicitly && CntkPadding.IsEven(input))
        {
            // Even sizes: symmetric padding gives the same windows (the extra row and column after are never reached
            // by a stride-2 window, or are zeros either way), without copying the tensor into a padded one.
            x = Relu(_bn1.forward(nn.functional.conv2d(input, _conv1.weight, strides: [2, 2], padding: [3, 3])));
            x = nn.functional.max_pool2d(x, 3, stride: 2, padding: 1);
        }
        else
        {
            // (left, right, top, bottom): CNTK pads the 7×7 stem 3 before and 2 after.
            x = Relu(_bn1.forward(_conv1.forward(nn.functional.pad(input, [3, 2, 3, 2]))));
            // Zero padding equals -inf padding here: the max-pool's input is a ReLU output (never negative).
            x = nn.functional.max_pool2d(nn.functional.pad(x, [1, 0, 1, 0]), 3, stride: 2);
        }

        foreach (var stage in new[] { _layer1, _layer2, _layer3, _layer4 })
        {
            foreach (var block in stage)
            {
                block.AlwaysPadExplicitly = AlwaysPadExplicitly;
                x = block.forward(x);
            }
        }

        return x;
    }

    private Tensor Relu(Tensor x) => _inPlace ? x.relu_() : x.relu();

    private static ModuleList<CntkBasicBlock> Stage(int inChannels, int outChannels, int blocks, int stride, bool inPlace)
    {
        var list = new ModuleList<CntkBasicBlock>();
        for (var b = 0; b < blocks; b++)
        {
            list.Add(new CntkBasicBlock(b == 0 ? inChannels : outChannels, outChannels, b == 0 ? stride : 1, inPlace));
        }

        return list;
    }

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
