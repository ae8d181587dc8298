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
    /// <summary>Whether <paramref name="x"/> is a 4-D tensor already stored channels-last.</summary>
    public static bool Is(Tensor x)
    {
        if (x.dim() != 4)
        {
            return false;
        }

        var (c, h, w) = (x.shape[1], x.shape[2], x.shape[3]);
        var strides = x.stride();
        return strides[1] == 1 && strides[3] == c && strides[2] == w * c && strides[0] == h * w * c;
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
