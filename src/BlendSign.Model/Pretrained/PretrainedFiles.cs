namespace BlendSign.Model.Pretrained;

// Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1: the build copies ResNet18.onnx and its mean image
// ResNetPreprocess.onnx to PretrainedModels/ beside the assemblies (see BlendSign.Model.csproj).
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
