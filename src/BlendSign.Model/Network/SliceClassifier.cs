using TorchSharp.Utils;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

/// <summary>
/// The slice classifier: a backbone whose head gives the three class logits (non_ich, normal_ich, blend_sign)
/// for a batch of three-window images N×3×S×S in [0,1]. The detection branch joins it in a later issue.
/// </summary>
public sealed class SliceClassifier : nn.Module<Tensor, Tensor>
{
    public const int ClassCount = 3;

    // Named explicitly so the state dict reads "backbone.conv1.weight", not "_backbone.…".
    [ComponentName(Name = "backbone")]
    private readonly nn.Module<Tensor, Tensor> _backbone;

    public SliceClassifier(string backbone) : base(nameof(SliceClassifier))
    {
        _backbone = Backbones.Create(backbone, ClassCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _backbone.forward(input);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _backbone.Dispose();
        }

        base.Dispose(disposing);
    }
}
