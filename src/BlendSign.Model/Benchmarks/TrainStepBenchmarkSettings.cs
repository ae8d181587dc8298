namespace BlendSign.Model.Benchmarks;

/// <summary>What <see cref="TrainStepBenchmark"/> measures: SGD steps on random input, and optionally on the real data pipeline.</summary>
public sealed record TrainStepBenchmarkSettings
{
    public string Backbone { get; init; } = Network.Backbones.ResNet18;
    public int ImageSize { get; init; } = 256;
    public int BatchSize { get; init; } = 16;
    public int Steps { get; init; } = 5;
    public int WarmUpSteps { get; init; } = 1;

    /// <summary>Includes the detection branch and its loss (random targets for the bare step).</summary>
    public bool Detection { get; init; }

    /// <summary>libtorch intra-op threads; 0 keeps its default.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// <see cref="Network.NetworkOptions.ChannelsLastOnCpu"/>: the CPU fast path, which the caller takes from
    /// <see cref="Network.CpuFastPathGuard"/>; false measures the channels-first layout.
    /// </summary>
    public bool ChannelsLastOnCpu { get; init; }

    public int Seed { get; init; } = 42;
}
