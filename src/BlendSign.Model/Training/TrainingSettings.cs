namespace BlendSign.Model.Training;

/// <summary>
/// The settings of one run, fixed when it is queued (stored as its configuration JSON). Classification only for
/// now: the detection branch, self-knowledge distillation and augmentation come in later issues.
/// </summary>
public sealed record TrainingSettings
{
    public int Folds { get; init; } = 5;
    public int Epochs { get; init; } = 50;
    public int ImageSize { get; init; } = 512;
    public int BatchSize { get; init; } = 16;
    public string Backbone { get; init; } = Network.Backbones.ResNet18;
    public double LearningRate { get; init; } = 0.01;
    public double PolyPower { get; init; } = 0.9;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; } = 0.0005;
    public IReadOnlyList<double> ClassWeights { get; init; } = [1.0, 2.0, 20.0];
    public int Seed { get; init; } = 42;

    /// <summary>libtorch intra-op threads; 0 keeps its default.</summary>
    public int Threads { get; init; }

    /// <summary>What is wrong with these settings, in words; empty when a run can start with them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Network.Backbones.IsSupported(Backbone))
        {
            problems.Add($"Unknown backbone '{Backbone}'; available: {string.Join(", ", Network.Backbones.Supported)}.");
        }

        Check(Folds is >= 2 and <= 20, "Folds must be between 2 and 20.");
        Check(Epochs >= 1, "Epochs must be at least 1.");
        Check(ImageSize is >= 32 and <= 1024, "The image size must be between 32 and 1024.");
        Check(BatchSize >= 1, "The batch size must be at least 1.");
        Check(LearningRate > 0, "The learning rate must be positive.");
        Check(ClassWeights.Count == Network.SliceClassifier.ClassCount && ClassWeights.All(w => w > 0),
            "Class weights need one positive value per class (3).");
        Check(Threads >= 0, "Threads must be 0 (libtorch's default) or more.");
        return problems;

        void Check(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }
    }

    public static TrainingSettings FromOptions(TrainingOptions options) => new()
    {
        Folds = options.Folds,
        Epochs = options.Epochs,
        ImageSize = options.ImageSize,
        BatchSize = options.BatchSize,
        Backbone = options.Backbone,
        LearningRate = options.LearningRate,
        PolyPower = options.PolyPower,
        Momentum = options.Momentum,
        WeightDecay = options.WeightDecay,
        ClassWeights = [.. options.EffectiveClassWeights],
        Seed = options.Seed,
        Threads = options.Threads,
    };
}
