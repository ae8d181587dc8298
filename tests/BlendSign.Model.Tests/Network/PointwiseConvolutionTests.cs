using BlendSign.Model.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Network;

/// <summary>
/// 1×1 convolutions of channels-last tensors as matrix products (issue 20): the shapes where oneDNN 3.7.1's brgemm 1×1
/// kernel computed wrong values (256→512, stride 2) or died of SIGFPE (512→1024, stride 2) on AMD EPYC give the
/// outputs and gradients of the same convolution in float64, which libtorch computes without oneDNN. (float32
/// channels-first is no reference here: its backward pass of the 512→1024 case dies of SIGFPE on that CPU too.)
/// </summary>
public class PointwiseConvolutionTests
{
    [Theory]
    [InlineData(256, 512, 14, 2, false)]
    [InlineData(512, 1024, 8, 2, false)]
    [InlineData(128, 256, 15, 2, false)]
    [InlineData(256, 5, 4, 1, true)]
    public void Forward_ChannelsLast_SameAsChannelsFirstConvolution(int inChannels, int outChannels, int size, int stride, bool bias)
    {
        random.manual_seed(3);
        using var convolution = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: bias);
        using var exact = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: bias);
        exact.load_state_dict(convolution.state_dict());
        exact.to(float64);
        using var scope = NewDisposeScope();
        var input = randn(2, inChannels, size, size);
        var reference = input.to(float64).detach().requires_grad_();
        var last = ChannelsLast.Of(input).detach().requires_grad_();

        var expected = exact.forward(reference);
        var gradientsExpected = Gradients(exact, expected, reference);
        var actual = PointwiseConvolution.Forward(convolution, last);
        var gradientsActual = Gradients(convolution, actual, last);

        Assert.True(PointwiseConvolution.Applies(convolution, last));
        Assert.True(ChannelsLast.Is(actual));
        Assert.Equal(expected.shape, actual.shape);
        AssertClose(expected, actual);
        foreach (var (e, a) in gradientsExpected.Zip(gradientsActual))
        {
            AssertClose(e, a);
        }
    }

    [Fact]
    public void Applies_ChannelsFirstOrLargerKernel_LeavesItToTheModule()
    {
        using var pointwise = nn.Conv2d(8, 8, 1);
        using var threeByThree = nn.Conv2d(8, 8, 3, padding: 1);
        using var scope = NewDisposeScope();
        var last = ChannelsLast.Of(rand(1, 8, 6, 6));

        Assert.False(PointwiseConvolution.Applies(pointwise, rand(1, 8, 6, 6)));
        Assert.False(PointwiseConvolution.Applies(threeByThree, last));
        Assert.True(PointwiseConvolution.Applies(pointwise, last));
    }

    private static Tensor[] Gradients(nn.Module convolution, Tensor output, Tensor input)
    {
        convolution.zero_grad();
        (output * output).sum().backward();
        return [input.grad!.to(float32), .. convolution.parameters().Select(p => p.grad!.to(float32))];
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        expected = expected.to(float32);
        var scale = Math.Max(1f, expected.abs().max().item<float>());
        var difference = (expected - actual).abs().max().item<float>();
        Assert.True(difference <= 1e-5f * scale, $"{difference} against {scale}");
    }
}
