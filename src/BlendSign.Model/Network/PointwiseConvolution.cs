using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// A 1×1 convolution computed as the matrix product it is (MKL's sgemm), not libtorch's oneDNN kernel: oneDNN 3.7.1
// (libtorch 2.10) runs it through its brgemm 1×1 kernel on CPUs with AVX2 or AVX-512 but no AMX, and there it computes
// wrong values for stride 2 (256→512 channels: 1.7 off on outputs near 3) and dies of SIGFPE for some channel pairs
// (512→1024: an integer division by zero in est_eff_1x1), as seen on AMD EPYC (issue 20).
internal static class PointwiseConvolution
{
    public static bool Applies(Conv2d convolution, Tensor input) =>
        input.device_type == DeviceType.CPU && ChannelsLast.Is(input) && convolution.groups == 1 &&
        convolution.kernel_size.All(k => k == 1) && convolution.padding_type is null && (convolution.padding ?? []).All(p => p == 0) &&
        convolution.dilation.All(d => d == 1);

    public static Tensor Forward(Conv2d convolution, Tensor input)
    {
        if (!Applies(convolution, input))
        {
            return convolution.forward(input);
        }

        var (strideH, strideW) = (convolution.stride[0], convolution.stride[1]);
        var sampled = strideH == 1 && strideW == 1
            ? input
            : input[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(0, null, strideH), TensorIndex.Slice(0, null, strideW)];
        // N×H×W×C (contiguous for a channels-last input) times C×O gives N×H×W×O; seen as N×O×H×W it is channels-last.
        var pixels = nn.functional.linear(sampled.permute(0, 2, 3, 1), convolution.weight!.flatten(1), convolution.bias);
        return pixels.permute(0, 3, 1, 2);
    }
}
