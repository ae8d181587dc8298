using static TorchSharp.torch;

namespace BlendSign.Model.Network;

/// <summary>
/// CNTK pads before more than after (the stem 3/2, stride-2 layers 1/0). For an even height and width, symmetric
/// padding yields the same output size and windows, so the convolution can pad itself instead of copying its input.
/// </summary>
internal static class CntkPadding
{
    public static bool IsEven(Tensor input) => input.shape[^1] % 2 == 0 && input.shape[^2] % 2 == 0;
}
