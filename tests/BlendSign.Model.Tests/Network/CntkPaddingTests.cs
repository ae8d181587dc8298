using BlendSign.Model.Network;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Network;

/// <summary>The even-size fast path (the convolution pads itself) gives CNTK's explicit asymmetric padding's values and gradients.</summary>
public class CntkPaddingTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(96)]
    public void Forward_EvenSize_FastPathEqualsExplicitPadding(int size)
    {
        random.manual_seed(11);
        using var network = new CntkResNet18();
        network.eval();
        using var scope = NewDisposeScope();
        var input = rand(2, 3, size, size);

        var fast = network.forward(input);
        network.AlwaysPadExplicitly = true;
        var padded = network.forward(input);

        Assert.Equal(padded.shape, fast.shape);
        Assert.True((fast - padded).abs().max().item<float>() < 1e-4f);
    }

    [Fact]
    public void Backward_EvenSize_SameGradientsAsExplicitPadding()
    {
        random.manual_seed(12);
        using var network = new CntkResNet18();
        network.eval();
        using var scope = NewDisposeScope();
        var input = rand(1, 3, 64, 64);

        network.forward(input).sum().backward();
        var fast = network.parameters().Select(p => p.grad!.clone()).ToList();
        network.zero_grad();
        network.AlwaysPadExplicitly = true;
        network.forward(input).sum().backward();
        var padded = network.parameters().Select(p => p.grad!).ToList();

        Assert.All(fast.Zip(padded), pair => Assert.True((pair.First - pair.Second).abs().max().item<float>() < 1e-3f));
    }

    [Fact]
    public void Forward_OddSize_PadsExplicitlyAsCntkDoes()
    {
        using var network = new CntkResNet18();
        network.eval();
        using var scope = NewDisposeScope();

        var output = network.forward(rand(1, 3, 65, 65));

        // 65 → stem (pad 3/2, stride 2) 32 → max-pool (pad 1/0) 16 → 16, 8, 4, 2: as CNTK's graph sizes it.
        Assert.Equal(new long[] { 1, 512, 2, 2 }, output.shape);
    }
}
