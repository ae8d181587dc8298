using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// Strides H·W·C, 1, W·C, C. libtorch's oneDNN convolutions on the CPU read and write this layout as it is, and batch
// norm, ReLU, pooling and addition keep it; a channels-first tensor is reordered into oneDNN's blocked layout and back
// around every convolution, forward and backward. TorchSharp has no memory-format argument, so the layout is made by
// permuting.
internal static class ChannelsLast
{
    // As libtorch decides it: dimensions of size 1 have no say (a 1×1 kernel's weight is both layouts).
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

    public static Tensor Of(Tensor x)
    {
        if (x.dim() != 4)
        {
            throw new ArgumentException($"Channels-last needs an N×C×H×W tensor; this one has {x.dim()} dimensions.", nameof(x));
        }

        return Is(x) ? x : x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
    }
}
