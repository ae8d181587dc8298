using BlendSign.Model.Benchmarks;

namespace BlendSign.Model.Tests.Benchmarks;

public class TrainStepBenchmarkTests
{
    [Fact]
    public void Run_TinyBatch_ReportsThroughputOfTheTimedSteps()
    {
        var settings = new TrainStepBenchmarkSettings { ImageSize = 32, BatchSize = 2, Steps = 2, WarmUpSteps = 1, Threads = 1 };

        var result = TrainStepBenchmark.Run(settings);

        Assert.Equal(2, result.Steps);
        Assert.Equal("cpu", result.Device);
        Assert.True(result.Seconds > 0);
        Assert.Equal(settings.BatchSize * settings.Steps / result.Seconds, result.ImagesPerSecond, 9);
    }
}
