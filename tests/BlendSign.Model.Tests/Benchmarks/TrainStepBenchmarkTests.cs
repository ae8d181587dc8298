using BlendSign.Model.Benchmarks;
using BlendSign.Model.Network;
using BlendSign.Model.Tests.Support;

namespace BlendSign.Model.Tests.Benchmarks;

public class TrainStepBenchmarkTests
{
    [Fact]
    public void Run_TinyBatch_ReportsThroughputOfTheTimedSteps()
    {
        var settings = new TrainStepBenchmarkSettings { ImageSize = 32, BatchSize = 2, Steps = 2, WarmUpSteps = 1, Threads = 1, ChannelsLastOnCpu = true };

        var result = TrainStepBenchmark.Run(settings);

        Assert.Equal(2, result.Steps);
        Assert.Equal("cpu", result.Device);
        Assert.True(result.Seconds > 0);
        Assert.Equal(settings.BatchSize * settings.Steps / result.Seconds, result.ImagesPerSecond, 9);
        Assert.InRange(result.MedianSecondsPerStep, 0, result.Seconds);
        Assert.Equal(settings.BatchSize / result.MedianSecondsPerStep, result.MedianImagesPerSecond, 9);
        Assert.True(result.ChannelsLast);
        Assert.Null(result.Pipeline);
        Assert.False(TrainStepBenchmark.Run(settings with { ChannelsLastOnCpu = false, Steps = 1 }).ChannelsLast);
    }

    [Fact]
    public void Run_WithSlices_MeasuresThePipelineAgainstTheBareStep()
    {
        var (examples, source) = SyntheticImageSource.Create(scans: 2, slicesPerScan: 3);
        var settings = new TrainStepBenchmarkSettings
        {
            Backbone = Backbones.TinyCnn, ImageSize = 32, BatchSize = 4, Steps = 3, WarmUpSteps = 1, Threads = 1, Detection = true,
        };

        var result = TrainStepBenchmark.Run(settings, examples, source);

        var pipeline = Assert.IsType<PipelineBenchmarkResult>(result.Pipeline);
        Assert.Equal(12, pipeline.Slices);
        Assert.Equal(pipeline.ImagesPerSecond / result.ImagesPerSecond, pipeline.FractionOfBareStep, 9);
        Assert.True(pipeline.LoaderSecondsPerBatch > 0);
        Assert.Equal(16, source.Requests);
        Assert.True(result.Detection);
    }
}
