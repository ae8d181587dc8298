using Microsoft.Extensions.Logging;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

/// <summary>Input: N×3×S×S three-window images in [0,1]; logits for non_ich, normal_ich, blend_sign.</summary>
public sealed class SliceClassifier : nn.Module<Tensor, Tensor>
{
    public const int ClassCount = 3;

    [ComponentName(Name = "input")]
    private readonly nn.Module<Tensor, Tensor> _input;

    // Named explicitly so the state dict reads "backbone.…", not "_backbone.…".
    [ComponentName(Name = "backbone")]
    private readonly nn.Module<Tensor, Tensor> _backbone;

    [ComponentName(Name = "classifier")]
    private readonly Linear _classifier;

    [ComponentName(Name = "detection")]
    private readonly DetectionHead? _detection;

    public SliceClassifier(string backbone) : this(new NetworkOptions { Backbone = backbone, Detection = false })
    {
    }

    public SliceClassifier(NetworkOptions options) : base(nameof(SliceClassifier))
    {
        var parts = Backbones.Create(options);
        _input = parts.Input;
        _backbone = parts.Features;
        FeatureChannels = parts.Channels;
        Weights = parts.Weights;
        _classifier = nn.Linear(parts.Channels, ClassCount);
        _detection = options.Detection ? new DetectionHead(parts.Channels) : null;
        ChannelsLastOnCpu = options.RunsChannelsLastOnCpu;
        RegisterComponents();
    }

    public int FeatureChannels { get; }

    public bool ChannelsLastOnCpu { get; }

    public bool HasDetection => _detection is not null;

    public BackboneWeights Weights { get; }

    /// <summary>The class logits (N×3).</summary>
    public override Tensor forward(Tensor input) => Run(input).Logits;

    public NetworkOutput Run(Tensor input)
    {
        var adapted = _input.forward(input);
        var features = _backbone.forward(ChannelsLastOnCpu && adapted.device_type == DeviceType.CPU ? ChannelsLast.Of(adapted) : adapted);
        return new NetworkOutput(features, Classify(features), _detection?.forward(features));
    }

    /// <summary>The classification branch alone, on a feature map (Grad-CAM differentiates through it).</summary>
    public Tensor Classify(Tensor features) =>
        _classifier.forward(nn.functional.adaptive_avg_pool2d(features, [1, 1]).flatten(1));

    public bool FrozenForCpuInference { get; private set; }

    // On the CPU, stores the convolution weights channels-last once: otherwise libtorch copies every weight into that
    // layout at every call, about a quarter of a 256-px single-slice forward (issue 14). The model can no longer be
    // saved or loaded: TorchSharp's files hold tensors in storage order, which would scramble a channels-last weight.
    public void FreezeForCpuInference()
    {
        eval();
        if (!ChannelsLastOnCpu || FrozenForCpuInference)
        {
            return;
        }

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        foreach (var parameter in parameters().Where(p => p.dim() == 4 && p.device_type == DeviceType.CPU))
        {
            parameter.set_(ChannelsLast.Of(parameter));
        }

        FrozenForCpuInference = true;
    }

    public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) =>
        FrozenForCpuInference
            ? throw new InvalidOperationException("This model was frozen for CPU inference (channels-last weights): save or load it before freezing.")
            : base.state_dict(destination, prefix);

    /// <summary>The side of the last block's feature map (the detection grid) for S×S inputs; leaves the network in evaluation mode.</summary>
    public int FeatureGrid(int imageSize, Device device)
    {
        eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return (int)Run(zeros(1, 3, imageSize, imageSize, device: device)).Features.shape[2];
    }

    public void LogWeights(ILogger logger, string context)
    {
        if (Weights.Pretrained)
        {
            logger.LogInformation("{Context}: backbone starts from {Source}", context, Weights.Source);
        }
        else
        {
            logger.LogWarning("{Context}: backbone starts from {Source}; results will be weaker than the study's pretrained ones", context, Weights.Source);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
            _backbone.Dispose();
            _classifier.Dispose();
            _detection?.Dispose();
        }

        base.Dispose(disposing);
    }
}
