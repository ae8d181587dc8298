using System.Diagnostics;
using BlendSign.Model.Pretrained;
using BlendSign.Model.Torch;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// The real ResNet-18 blocks (random weights: the kernels do not depend on them) and the detection branch, forward and
// backward, at an even and an odd size (the two padding paths) and at 224 px (the 14×14 input where issue 20's kernel
// was wrong), plus a frozen model's forward. A kernel wrong on one CPU (issue 20: oneDNN's brgemm 1×1 convolution
// without AMX) shows as a difference far above rounding.
public sealed class CpuFastPathCheck
{
    /// <summary>The largest difference allowed, relative to the larger of 1 and the reference tensor's largest magnitude.</summary>
    public const double Tolerance = 1e-4;

    private const int Seed = 20;
    private static readonly (int Size, int Batch)[] Passes = [(64, 2), (65, 2), (224, 1)];
    private readonly Func<SliceClassifier, Tensor, NetworkOutput> _fastPass;

    public CpuFastPathCheck() : this((model, input) => model.Run(input))
    {
    }

    /// <param name="fastPass">How the fast path runs a model on an input; tests give a deliberately perturbed one.</param>
    internal CpuFastPathCheck(Func<SliceClassifier, Tensor, NetworkOutput> fastPass) => _fastPass = fastPass;

    public CpuFastPathReport Run()
    {
        var clock = Stopwatch.StartNew();
        // The caller's random stream stays where it was: the check draws its inputs from its own seed.
        using var state = random.get_rng_state();
        try
        {
            random.manual_seed(Seed);
            var (fast, reference) = Pair();
            using (fast)
            using (reference)
            {
                var differences = Passes.Select(pass => CompareTraining(fast, reference, pass.Size, pass.Batch)).ToList();
                fast.FreezeForCpuInference();
                differences.Add(CompareFrozen(fast, reference, Passes[0].Size));
                var worst = differences.MaxBy(d => d.Value)!;
                return new CpuFastPathReport(worst.Value <= Tolerance, worst.Value, worst.Where, CpuModel.Name, clock.Elapsed.TotalSeconds);
            }
        }
        finally
        {
            random.set_rng_state(state);
        }
    }

    /// <summary>Forward and backward in evaluation mode (batch statistics of 2×2 maps would magnify rounding, see ChannelsLastTests).</summary>
    private Difference CompareTraining(SliceClassifier fast, SliceClassifier reference, int size, int batch)
    {
        using var scope = NewDisposeScope();
        fast.zero_grad();
        reference.zero_grad();
        var input = rand(batch, 3, size, size);
        var a = _fastPass(fast, input);
        var b = reference.Run(input);
        (a.Logits.sum() + a.Detection!.sum()).backward();
        (b.Logits.sum() + b.Detection!.sum()).backward();
        var outputs = new[]
        {
            Difference.Of(a.Logits, b.Logits, $"the logits at {size} px"),
            Difference.Of(a.Detection, b.Detection!, $"the detection map at {size} px"),
        };
        var gradients = fast.named_parameters().Zip(reference.parameters())
            .Select(p => Difference.Of(p.First.parameter.grad!, p.Second.grad!, $"the gradient of {p.First.name} at {size} px"));
        return outputs.Concat(gradients).MaxBy(d => d.Value)!;
    }

    private Difference CompareFrozen(SliceClassifier frozen, SliceClassifier reference, int size)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var input = rand(1, 3, size, size);
        var a = _fastPass(frozen, input);
        var b = reference.Run(input);
        return new[]
        {
            Difference.Of(a.Logits, b.Logits, $"the frozen model's logits at {size} px"),
            Difference.Of(a.Detection!, b.Detection!, $"the frozen model's detection map at {size} px"),
        }.MaxBy(d => d.Value)!;
    }

    private static (SliceClassifier Fast, SliceClassifier Reference) Pair()
    {
        var options = new NetworkOptions { Backbone = Backbones.ResNet18, Detection = true, PretrainedFiles = PretrainedFiles.None };
        var fast = new SliceClassifier(options with { ChannelsLastOnCpu = true });
        var reference = new SliceClassifier(options with { ChannelsLastOnCpu = false });
        reference.load_state_dict(fast.state_dict());
        fast.eval();
        reference.eval();
        return (fast, reference);
    }

    private sealed record Difference(double Value, string Where)
    {
        public static Difference Of(Tensor fast, Tensor reference, string where)
        {
            var scale = Math.Max(1.0, reference.abs().max().item<float>());
            var value = (fast - reference).abs().max().item<float>() / scale;
            // A NaN or infinity from a broken kernel is the largest difference there is.
            return new Difference(double.IsFinite(value) ? value : double.PositiveInfinity, where);
        }
    }
}
