using System.Diagnostics;
using BlendSign.Model.Metrics;
using BlendSign.Model.Network;
using BlendSign.Model.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Benchmarks;

// One slice at a time without gradients, as the review queue's scoring and Grad-CAM's forward pass run it.
public static class InferenceBenchmark
{
    public static InferenceBenchmarkResult Run(InferenceBenchmarkSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Slices, 1);
        TorchRuntime.ConfigureThreads(settings.Threads);
        var device = TorchRuntime.SelectDevice();
        TorchRuntime.Seed(settings.Seed);
        using var model = new SliceClassifier(new NetworkOptions { Backbone = settings.Backbone, Detection = settings.Detection, ChannelsLastOnCpu = settings.ChannelsLastOnCpu });
        model.to(device);
        // As the app's fold models run (FoldModels).
        model.FreezeForCpuInference();
        using var noGrad = no_grad();
        using var image = rand([1, 3, settings.ImageSize, settings.ImageSize], device: device);
        for (var i = 0; i < settings.WarmUpSlices; i++)
        {
            Forward(model, image);
        }

        var sliceSeconds = new double[settings.Slices];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < settings.Slices; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            Forward(model, image);
            sliceSeconds[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new InferenceBenchmarkResult(settings.Backbone, TorchRuntime.Describe(device), settings.ImageSize, settings.Slices,
            get_num_threads(), seconds, 1000 * seconds / settings.Slices, settings.Detection)
        {
            ChannelsLast = model.ChannelsLastOnCpu && device.type == DeviceType.CPU,
            MedianMillisecondsPerSlice = 1000 * Median.Of(sliceSeconds),
        };
    }

    private static void Forward(SliceClassifier model, Tensor image)
    {
        using var scope = NewDisposeScope();
        // item() waits for the result on an asynchronous device.
        _ = model.Run(image).Logits.sum().item<float>();
    }
}

public sealed record InferenceBenchmarkSettings
{
    public string Backbone { get; init; } = Backbones.ResNet18;
    public int ImageSize { get; init; } = 256;
    public int Slices { get; init; } = 20;
    public int WarmUpSlices { get; init; } = 3;
    public int Threads { get; init; }
    public bool Detection { get; init; }
    public long Seed { get; init; } = 42;

    public bool ChannelsLastOnCpu { get; init; }
}

public sealed record InferenceBenchmarkResult(
    string Backbone, string Device, int ImageSize, int Slices, int Threads, double Seconds, double MillisecondsPerSlice, bool Detection)
{
    public bool ChannelsLast { get; init; }

    /// <summary>The median slice's milliseconds, which a few slices slowed by someone else's work do not move.</summary>
    public double MedianMillisecondsPerSlice { get; init; }
}
