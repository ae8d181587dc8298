using static TorchSharp.torch;

namespace BlendSign.Model.Augmentation;

/// <summary>Warps a batch of images (N×3×S×S) by each slice's parameters: bilinear, zero (air) outside the slice.</summary>
public static class ImageAugmenter
{
    public static Tensor Apply(Tensor images, IReadOnlyList<AugmentationParameters> parameters)
    {
        if (parameters.Count != images.shape[0])
        {
            throw new ArgumentException("One parameter set per image is needed.", nameof(parameters));
        }

        if (parameters.All(p => p == AugmentationParameters.Identity))
        {
            return images.alias();
        }

        using var scope = NewDisposeScope();
        var theta = tensor(parameters.SelectMany(p => p.InverseTheta()).ToArray(), [parameters.Count, 2, 3], device: images.device);
        var grid = nn.functional.affine_grid(theta, images.shape, align_corners: false);
        return nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false)
            .MoveToOuterDisposeScope();
    }
}
