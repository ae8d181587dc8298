namespace BlendSign.Model.Pretrained;

/// <summary>
/// Where the ImageNet ResNet-18 of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1 lies: the build copies
/// <c>ResNet18.onnx</c> and its mean image <c>ResNetPreprocess.onnx</c> to <c>PretrainedModels/</c> beside the
/// assemblies (see BlendSign.Model.csproj).
/// </summary>
public sealed record PretrainedFiles(string Directory)
{
    public const string FolderName = "PretrainedModels";

    public static PretrainedFiles Default { get; } = new(Path.Combine(AppContext.BaseDirectory, FolderName));

    /// <summary>No files: the ResNet-18 starts from random weights (for checks that need the blocks, not the weights).</summary>
    public static PretrainedFiles None { get; } = new(string.Empty);

    public string ResNet18 => Path.Combine(Directory, "ResNet18.onnx");

    public string MeanImage => Path.Combine(Directory, "ResNetPreprocess.onnx");

    public bool Exist => Directory.Length > 0 && File.Exists(ResNet18) && File.Exists(MeanImage);
}
