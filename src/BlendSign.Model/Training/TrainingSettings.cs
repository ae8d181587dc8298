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
