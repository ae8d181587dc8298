using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// CNTK pads before more than after (stem 3/2, stride-2 layers 1/0). For even sizes symmetric padding yields the same
// output and windows, so the convolution can pad itself instead of copying its input.
internal static class CntkPadding
{
    public static bool IsEven(Tensor input) => input.shape[^1] % 2 == 0 && input.shape[^2] % 2 == 0;
}
