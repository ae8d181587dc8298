namespace BlendSign.Model.Training;

// In one place: configuration, a run's stored settings, the train verb and the Training page all take them from here.
public static class TrainingLimits
{
    public const int DefaultFolds = 5;
    public const int MinFolds = 2;
    public const int MaxFolds = 20;

    public const int DefaultEpochs = 50;
    public const int MinEpochs = 1;
    public const int MaxEpochs = 1000;

    public const int DefaultImageSize = 512;
    public const int MinImageSize = 32;
    public const int MaxImageSize = 1024;

    // Where no GPU trains, unset folds, epochs and image size default to the smallest settings that gave a model
    // better than chance on the demo (issue 23's measurements on a 2-core AMD EPYC, in src/BlendSign.Model/README.md).
    public const int CpuFolds = 3;
    public const int CpuEpochs = 5;
    public const int CpuImageSize = 64;

    public const int DefaultBatchSize = 16;
    public const int MinBatchSize = 1;
    public const int MaxBatchSize = 512;

    public const int DefaultSeed = 42;

    public const int DefaultGenerations = 1;
    public const int MinGenerations = 1;
    public const int MaxGenerations = 10;

    public const double DefaultLearningRate = 0.01;
    public const double DefaultPolyPower = 0.9;
    public const double DefaultMomentum = 0.9;
    public const double DefaultWeightDecay = 0.0005;
    public const double DefaultDetectionWeight = 1.0;
    public const double DefaultDistillationWeight = 10.0;
    public const double DefaultGradientClipNorm = 100.0;

    public static IReadOnlyList<double> DefaultClassWeights { get; } = [1.0, 2.0, 20.0];
}
