namespace BlendSign.Model.Benchmarks;

public sealed record TrainStepBenchmarkSettings
{
    public string Backbone { get; init; } = Network.Backbones.ResNet18;
    public int ImageSize { get; init; } = 256;
    public int BatchSize { get; init; } = 16;
    public int Steps { get; init; } = 5;
    public int WarmUpSteps { get; init; } = 1;

    /// <summary>Includes the detection branch and its loss (random targets for the bare step).</summary>
    public bool Detection { get; init; }

    public int Threads { get; init; }

    public bool ChannelsLastOnCpu { get; init; }

    public int Seed { get; init; } = 42;
}
