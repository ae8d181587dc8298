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
    double ImagesPerSecond);
