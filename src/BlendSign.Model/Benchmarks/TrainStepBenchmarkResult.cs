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

    /// <summary>Whether the network ran channels-last (asked for, and on the CPU).</summary>
    public bool ChannelsLast { get; init; }

    /// <summary>
    /// The median step's seconds: on a shared machine a burst of someone else's work lengthens a few steps, which moves
    /// the mean (<see cref="SecondsPerStep"/>) but not the median.
    /// </summary>
    public double MedianSecondsPerStep { get; init; }

    /// <summary><see cref="MedianSecondsPerStep"/> as images per second.</summary>
    public double MedianImagesPerSecond => BatchSize / MedianSecondsPerStep;

    /// <summary>The real pipeline's measurement, when one was asked for.</summary>
    public PipelineBenchmarkResult? Pipeline { get; init; }

    /// <summary>The 1-minute load average at the start (Linux), since the machine may be shared; null elsewhere.</summary>
    public double? LoadAverage { get; init; }
}

/// <summary>
/// The same steps fed by the real pipeline (read, render, augment, batch on a background task, then step):
/// <see cref="FractionOfBareStep"/> = pipeline images/s ÷ bare images/s; <see cref="LoaderSecondsPerBatch"/> is the
/// loader's own time per batch (hidden behind the step while it is shorter).
/// </summary>
public sealed record PipelineBenchmarkResult(
    int Slices,
    double Seconds,
    double ImagesPerSecond,
    double FractionOfBareStep,
    double LoaderSecondsPerBatch);
