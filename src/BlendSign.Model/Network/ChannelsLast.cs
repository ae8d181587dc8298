using static TorchSharp.torch;

namespace BlendSign.Model.Network;

/// <summary>
/// The channels-last layout of an N×C×H×W tensor: the same shape, stored pixel by pixel (strides H·W·C, 1, W·C, C).
/// libtorch's oneDNN convolutions on the CPU read and write it as it is, and batch norm, ReLU, pooling and addition
/// keep it; a channels-first (contiguous) tensor is reordered into oneDNN's blocked layout and back around every
/// convolution, forward and backward. TorchSharp has no memory-format argument, so the layout is made by permuting.
/// </summary>
internal static class ChannelsLast
{
    /// <summary>
    /// Whether <paramref name="x"/> is a 4-D tensor already stored channels-last, as libtorch decides it: dimensions of
    /// size 1 have no say (a 1×1 kernel's weight is both layouts).
    /// </summary>
    public static bool Is(Tensor x)
    {
        if (x.dim() != 4)
        {
            return false;
        }

        var strides = x.stride();
        var expected = 1L;
        foreach (var dimension in new[] { 1, 3, 2, 0 })
        {
            var size = x.shape[dimension];
            if (size == 1)
            {
                continue;
            }

            if (strides[dimension] != expected)
            {
                return false;
            }

            expected *= size;
        }

        return true;
    }

    /// <summary><paramref name="x"/> stored channels-last: itself when it already is, otherwise a copy (differentiable).</summary>
    public static Tensor Of(Tensor x)
    {
        if (x.dim() != 4)
        {
            throw new ArgumentException($"Channels-last needs an N×C×H×W tensor; this one has {x.dim()} dimensions.", nameof(x));
        }

        return Is(x) ? x : x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
    }
}
