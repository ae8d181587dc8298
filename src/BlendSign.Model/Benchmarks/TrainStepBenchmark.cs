using System.Diagnostics;
using BlendSign.Model.Network;
using BlendSign.Model.Torch;
using BlendSign.Model.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace BlendSign.Model.Benchmarks;

/// <summary>Times one SGD step (forward, weighted CE, backward, update) on a random batch; warm-up steps are not timed.</summary>
public static class TrainStepBenchmark
{
    public static TrainStepBenchmarkResult Run(TrainStepBenchmarkSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Steps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.WarmUpSteps);
        TorchRuntime.ConfigureThreads(settings.Threads);
        var device = TorchRuntime.SelectDevice();
        TorchRuntime.Seed(settings.Seed);

        using var model = new SliceClassifier(settings.Backbone);
        model.to(device);
        model.train();
        using var optimizer = optim.SGD(model.parameters(), 0.01, 0.9, weight_decay: 0.0005);
        using var weights = tensor(new[] { 1f, 2f, 20f }, device: device);
        using var input = rand([settings.BatchSize, 3, settings.ImageSize, settings.ImageSize], device: device);
        using var target = randint(0, SliceClassifier.ClassCount, [settings.BatchSize], dtype: int64, device: device);

        for (var i = 0; i < settings.WarmUpSteps; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step(model, optimizer, input, target, weights);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < settings.Steps; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step(model, optimizer, input, target, weights);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new TrainStepBenchmarkResult(
            settings.Backbone, TorchRuntime.Describe(device), settings.ImageSize, settings.BatchSize, settings.Steps,
            get_num_threads(), seconds, seconds / settings.Steps, settings.BatchSize * settings.Steps / seconds);
    }

    private static void Step(SliceClassifier model, optim.Optimizer optimizer, Tensor input, Tensor target, Tensor weights)
    {
        using var scope = NewDisposeScope();
        var loss = WeightedCrossEntropy.Compute(model.forward(input), target, weights);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        // item() waits for the step to finish on an asynchronous device (CUDA).
        _ = loss.item<float>();
    }
}
