using System.Diagnostics;
using BlendSign.Model.Augmentation;
using BlendSign.Model.Metrics;
using BlendSign.Model.Network;
using BlendSign.Model.Torch;
using BlendSign.Model.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace BlendSign.Model.Benchmarks;

/// <summary>Times SGD steps on a random batch and, given slices, fed by the training pipeline as the cross-validator trains.</summary>
public static class TrainStepBenchmark
{
    public static TrainStepBenchmarkResult Run(TrainStepBenchmarkSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, null, null, cancellationToken);

    /// <param name="examples">Slices for the pipeline measurement (cycled when fewer than the steps need); null: bare step only.</param>
    public static TrainStepBenchmarkResult Run(
        TrainStepBenchmarkSettings settings, IReadOnlyList<TrainingExample>? examples, IImageSource? images, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Steps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.WarmUpSteps);
        var loadAverage = ReadLoadAverage();
        TorchRuntime.ConfigureThreads(settings.Threads);
        var device = TorchRuntime.SelectDevice();
        TorchRuntime.Seed(settings.Seed);
        var training = new TrainingSettings { Backbone = settings.Backbone, ImageSize = settings.ImageSize, Detection = settings.Detection, BatchSize = settings.BatchSize };

        using var model = new SliceClassifier(training.ToNetworkOptions() with { Detection = settings.Detection, ChannelsLastOnCpu = settings.ChannelsLastOnCpu });
        model.to(device);
        var grid = settings.Detection ? model.FeatureGrid(settings.ImageSize, device) : (int?)null;
        model.train();
        using var optimizer = optim.SGD(model.parameters(), 0.01, 0.9, weight_decay: 0.0005);
        using var weights = tensor(new[] { 1f, 2f, 20f }, device: device);
        using var bare = RandomBatch(settings, grid, device);

        for (var i = 0; i < settings.WarmUpSteps; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TrainStep.Run(model, optimizer, bare, weights, training, device);
        }

        var stepSeconds = new double[settings.Steps];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < settings.Steps; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            TrainStep.Run(model, optimizer, bare, weights, training, device);
            stepSeconds[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var imagesPerSecond = settings.BatchSize * settings.Steps / seconds;
        var pipeline = examples is { Count: > 0 } && images is not null
            ? Pipeline(settings, training, model, optimizer, weights, grid, device, examples, images, imagesPerSecond, cancellationToken)
            : null;
        return new TrainStepBenchmarkResult(
            settings.Backbone, TorchRuntime.Describe(device), settings.ImageSize, settings.BatchSize, settings.Steps,
            get_num_threads(), seconds, seconds / settings.Steps, imagesPerSecond)
        {
            Detection = settings.Detection,
            ChannelsLast = model.ChannelsLastOnCpu && device.type == DeviceType.CPU,
            MedianSecondsPerStep = Median.Of(stepSeconds),
            Pipeline = pipeline,
            LoadAverage = loadAverage,
        };
    }

    private static PipelineBenchmarkResult Pipeline(
        TrainStepBenchmarkSettings settings, TrainingSettings training, SliceClassifier model, OptimizerHelper optimizer, Tensor weights,
        int? grid, Device device, IReadOnlyList<TrainingExample> examples, IImageSource images, double bareImagesPerSecond,
        CancellationToken cancellationToken)
    {
        var loader = new BatchLoader(images, settings.ImageSize, grid, AugmentationOptions.Study);
        var random = new Random(settings.Seed);
        var loaderSeconds = 0.0;
        TrainingBatch Load(int step)
        {
            var started = Stopwatch.GetTimestamp();
            var batch = Enumerable.Range(step * settings.BatchSize, settings.BatchSize).Select(i => examples[i % examples.Count]).ToArray();
            var loaded = loader.Load(batch, random);
            loaderSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
            return loaded;
        }

        var total = settings.WarmUpSteps + settings.Steps;
        using var prefetcher = new BatchPrefetcher(total, Load, 2, cancellationToken);
        Stopwatch? clock = null;
        var step = 0;
        foreach (var loaded in prefetcher.Batches())
        {
            using var batch = loaded;
            if (step == settings.WarmUpSteps)
            {
                // The timed epoch starts with the loader already warm, as it is for every epoch but the first.
                clock = Stopwatch.StartNew();
            }

            TrainStep.Run(model, optimizer, batch, weights, training, device);
            step++;
        }

        var seconds = clock?.Elapsed.TotalSeconds ?? 0;
        var imagesPerSecond = settings.BatchSize * settings.Steps / seconds;
        return new PipelineBenchmarkResult(
            settings.BatchSize * settings.Steps, seconds, imagesPerSecond, imagesPerSecond / bareImagesPerSecond, loaderSeconds / total);
    }

    private static TrainingBatch RandomBatch(TrainStepBenchmarkSettings settings, int? grid, Device device)
    {
        var n = settings.BatchSize;
        var images = rand([n, 3, settings.ImageSize, settings.ImageSize], device: device);
        var labels = randint(0, SliceClassifier.ClassCount, [n], dtype: int64, device: device);
        if (grid is not { } g)
        {
            return new TrainingBatch(images, labels, null, null, null, null);
        }

        var mask = (rand([n, 1, g, g], device: device) > 0.9f).to(float32);
        return new TrainingBatch(images, labels, rand([n, 1, g, g], device: device), rand([n, 4, g, g], device: device), mask, null);
    }

    private static double? ReadLoadAverage()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            return text is null ? null : double.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
