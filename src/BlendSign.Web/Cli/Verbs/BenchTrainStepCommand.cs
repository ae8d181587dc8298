using System.CommandLine;
using System.Globalization;
using BlendSign.Model.Benchmarks;
using BlendSign.Model.Network;

namespace BlendSign.Web.Cli.Verbs;

/// <summary>
/// <c>bench train-step [--backbone B] [--image-size S] [--batch N] [--steps K] [--threads T] [--no-detection] [--json]</c>:
/// images per second of one SGD step on random input (warm-up excluded), the ceiling for the training pipeline.
/// A subcommand of <c>bench</c>.
/// </summary>
public static class BenchTrainStepCommand
{
    public static Command Create(CliContext context)
    {
        var backbone = new Option<string>("--backbone") { Description = $"Backbone; available: {string.Join(", ", Backbones.Supported)}.", DefaultValueFactory = _ => Backbones.ResNet18 };
        var imageSize = new Option<int>("--image-size") { Description = "Input size in pixels, S×S.", DefaultValueFactory = _ => 256 };
        var batch = new Option<int>("--batch") { Description = "Images per step.", DefaultValueFactory = _ => 16 };
        var steps = new Option<int>("--steps") { Description = "Timed steps.", DefaultValueFactory = _ => 5 };
        var warmUp = new Option<int>("--warmup") { Description = "Untimed steps first.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads; 0 keeps its default (one per core).", DefaultValueFactory = _ => 0 };
        var noDetection = new Option<bool>("--no-detection")
        {
            Description = "Classification branch only. Accepted; the detection branch does not exist yet, so every step is classification-only.",
        };
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var command = new Command("train-step", "Throughput of one training step (SGD, weighted cross-entropy) on random input.")
        {
            backbone, imageSize, batch, steps, warmUp, threads, noDetection, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(backbone)!;
            if (!Backbones.IsSupported(name))
            {
                await context.Error.WriteLineAsync($"Unknown backbone '{name}'. Only {string.Join(", ", Backbones.Supported)} exists for now.");
                return 1;
            }

            var settings = new TrainStepBenchmarkSettings
            {
                Backbone = name.Trim().ToLowerInvariant(),
                ImageSize = parse.GetValue(imageSize),
                BatchSize = parse.GetValue(batch),
                Steps = parse.GetValue(steps),
                WarmUpSteps = parse.GetValue(warmUp),
                Threads = parse.GetValue(threads),
            };
            if (settings.ImageSize < 32 || settings.BatchSize < 1 || settings.Steps < 1 || settings.WarmUpSteps < 0 || settings.Threads < 0)
            {
                await context.Error.WriteLineAsync("Needs --image-size ≥ 32, --batch ≥ 1, --steps ≥ 1, --warmup ≥ 0 and --threads ≥ 0.");
                return 1;
            }

            var result = await Task.Run(() => TrainStepBenchmark.Run(settings, cancellationToken), cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(context.Out, new BenchOutput(result.ImagesPerSecond, result.SecondsPerStep, result.Seconds, result.Steps,
                    result.BatchSize, result.ImageSize, result.Backbone, result.Device, result.Threads, Detection: false));
            }
            else
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Backbone} {result.ImageSize}×{result.ImageSize}, batch {result.BatchSize}, {result.Threads} thread(s) on {result.Device}, classification only: " +
                    $"{result.ImagesPerSecond:0.00} images/s ({result.SecondsPerStep:0.000} s per step over {result.Steps} steps)"));
            }

            return 0;
        });
        return command;
    }

    private sealed record BenchOutput(
        double ImagesPerSecond,
        double SecondsPerStep,
        double Seconds,
        int Steps,
        int Batch,
        int ImageSize,
        string Backbone,
        string Device,
        int Threads,
        bool Detection);
}
