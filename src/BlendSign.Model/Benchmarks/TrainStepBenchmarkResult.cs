namespace BlendSign.Model.Benchmarks;

/// <summary>Training throughput of the bare step (no data loading): the ceiling the data pipeline is measured against.</summary>
public sealed record TrainStepBenchmarkResult(
    string Backbone,
    string Device,
    int ImageSize,
    int BatchSize,
    int Steps,
    int Threads,
    double Seconds,
    double SecondsPerStep,
    double ImagesPerSecond)
{
    public bool Detection { get; init; }

    public bool ChannelsLast { get; init; }

    // On a shared machine a burst of someone else's work lengthens a few steps, which moves the mean but not the median.
    public double MedianSecondsPerStep { get; init; }

    public double MedianImagesPerSecond => BatchSize / MedianSecondsPerStep;

    public PipelineBenchmarkResult? Pipeline { get; init; }

    /// <summary>The 1-minute load average at the start (Linux), since the machine may be shared; null elsewhere.</summary>
    public double? LoadAverage { get; init; }
}

// FractionOfBareStep = pipeline images/s ÷ bare images/s; LoaderSecondsPerBatch hides behind the step while shorter.
public sealed record PipelineBenchmarkResult(
    int Slices,
    double Seconds,
    double ImagesPerSecond,
    double FractionOfBareStep,
    double LoaderSecondsPerBatch);
