using static TorchSharp.torch;

namespace BlendSign.Model.Network;

// The CNTK ImageNet ResNet-18 takes BGR on a 0–255 scale minus a per-pixel mean image (values near 114, from
// ResNetPreprocess.onnx), no division by a standard deviation. Our images are RGB in [0,1] (red = the 40/40 window,
// green 50/100, blue 60/40); the mean image is resized bilinearly when the input is not 224×224.
internal sealed class MeanImageInput : nn.Module<Tensor, Tensor>
{
    // Buffers are looked up by name at each call: Module.to() replaces them (another device or type), and a tensor kept
    // in a field would be the disposed original.
    private const string MeanImage = "mean_image";

    public MeanImageInput(Tensor meanImageBgr) : base(nameof(MeanImageInput))
    {
        register_buffer(MeanImage, meanImageBgr);
    }

    public override Tensor forward(Tensor rgb)
    {
        using var scope = NewDisposeScope();
        var (height, width) = (rgb.shape[2], rgb.shape[3]);
        var meanImage = get_buffer(MeanImage)!;
        var mean = meanImage.shape[2] == height && meanImage.shape[3] == width
            ? meanImage
            : nn.functional.interpolate(meanImage, [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        return (rgb.flip(1) * 255f - mean).MoveToOuterDisposeScope();
    }
}

/// <summary>torchvision's ImageNet convention for its models: RGB in [0,1], minus mean (0.485, 0.456, 0.406), over std (0.229, 0.224, 0.225).</summary>
internal sealed class ImageNetInput : nn.Module<Tensor, Tensor>
{
    public ImageNetInput() : base(nameof(ImageNetInput))
    {
        // Looked up by name at each call, as MeanImageInput's.
        register_buffer("mean", tensor(new[] { 0.485f, 0.456f, 0.406f }).reshape(1, 3, 1, 1));
        register_buffer("std", tensor(new[] { 0.229f, 0.224f, 0.225f }).reshape(1, 3, 1, 1));
    }

    public override Tensor forward(Tensor rgb) => (rgb - get_buffer("mean")!) / get_buffer("std")!;
}
