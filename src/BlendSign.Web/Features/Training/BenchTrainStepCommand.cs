using System.CommandLine;
using System.Globalization;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Model.Benchmarks;
using BlendSign.Model.Network;
using BlendSign.Model.Training;
using BlendSign.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Training;

/// <summary>SGD steps on random input (the ceiling), then the same steps fed by the real pipeline, as a fraction of it.</summary>
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
        var noDetection = new Option<bool>("--no-detection") { Description = "Classification branch only (no detection branch or loss)." };
        var noPipeline = new Option<bool>("--no-pipeline") { Description = "Only the bare step; skip the real data pipeline's measurement." };
        var channelsFirst = new Option<bool>("--channels-first") { Description = "Keep libtorch's default (channels-first) layout on the CPU even where the fast path (channels-last) passed cpu-check, to compare." };
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var command = new Command("train-step", "Throughput of one training step (SGD, weighted cross-entropy) on random input.")
        {
            backbone, imageSize, batch, steps, warmUp, threads, noDetection, noPipeline, channelsFirst, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(backbone)!;
            if (!Backbones.IsSupported(name))
            {
                await context.Error.WriteLineAsync($"Unknown backbone '{name}'. Available: {string.Join(", ", Backbones.Supported)}.");
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
                Detection = !parse.GetValue(noDetection),
                ChannelsLastOnCpu = !parse.GetValue(channelsFirst) && await BenchVerb.CpuFastPathAsync(context, cancellationToken),
            };
            if (settings.ImageSize < 32 || settings.BatchSize < 1 || settings.Steps < 1 || settings.WarmUpSteps < 0 || settings.Threads < 0)
            {
                await context.Error.WriteLineAsync("Needs --image-size ≥ 32, --batch ≥ 1, --steps ≥ 1, --warmup ≥ 0 and --threads ≥ 0.");
                return 1;
            }

            var (examples, images) = parse.GetValue(noPipeline)
                ? (null, null)
                : await LoadSlicesAsync(context, (settings.WarmUpSteps + settings.Steps) * settings.BatchSize, cancellationToken);
            var result = await Task.Run(() => TrainStepBenchmark.Run(settings, examples, images, cancellationToken), cancellationToken);
            await WriteAsync(context.Out, result, parse.GetValue(noPipeline), parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter output, TrainStepBenchmarkResult result, bool noPipeline, bool json)
    {
        var pipeline = result.Pipeline;
        if (json)
        {
            CliJson.Write(output, new BenchOutput(result.ImagesPerSecond, result.SecondsPerStep, result.MedianImagesPerSecond,
                result.MedianSecondsPerStep, result.Seconds, result.Steps, result.BatchSize, result.ImageSize, result.Backbone,
                result.Device, result.Threads, result.Detection, result.ChannelsLast,
                pipeline?.ImagesPerSecond, pipeline?.FractionOfBareStep, pipeline?.LoaderSecondsPerBatch, pipeline?.Slices, result.LoadAverage));
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Backbone} {result.ImageSize}×{result.ImageSize}, batch {result.BatchSize}, {result.Threads} thread(s) on {result.Device}, " +
            $"{(result.Detection ? "with detection" : "classification only")}, {(result.ChannelsLast ? "channels-last" : "channels-first")}: " +
            $"{result.ImagesPerSecond:0.00} images/s ({result.SecondsPerStep:0.000} s per step over {result.Steps} steps; " +
            $"median step {result.MedianImagesPerSecond:0.00} images/s); load average {result.LoadAverage?.ToString("0.00", CultureInfo.InvariantCulture) ?? "n/a"}"));
        await output.WriteLineAsync(pipeline is null
            ? (noPipeline ? "Pipeline not measured (--no-pipeline)." : "Pipeline not measured: no imported slices (import scans or run `demo` first).")
            : string.Create(CultureInfo.InvariantCulture,
                $"real pipeline (read, render, augment, batch on a background task, step): {pipeline.ImagesPerSecond:0.00} images/s = " +
                $"{pipeline.FractionOfBareStep:P1} of the bare step; loader {pipeline.LoaderSecondsPerBatch:0.000} s per batch"));
    }

    /// <summary>Up to <paramref name="count"/> imported slices (labels do not matter for throughput) and their image source.</summary>
    private static async Task<(IReadOnlyList<TrainingExample>?, IImageSource?)> LoadSlicesAsync(CliContext context, int count, CancellationToken cancellationToken)
    {
        var services = await context.GetServicesAsync(cancellationToken);
        await using var db = await services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync(cancellationToken);
        var slices = await db.Slices.AsNoTracking().OrderBy(s => s.Id).Take(count)
            .Select(s => new { s.SopInstanceUid, s.StoreKey, s.ScanId }).ToListAsync(cancellationToken);
        if (slices.Count == 0)
        {
            return (null, null);
        }

        var keys = slices.ToDictionary(s => s.SopInstanceUid, s => s.StoreKey, StringComparer.Ordinal);
        var examples = slices.Select(s => new TrainingExample(s.SopInstanceUid, s.ScanId.ToString(CultureInfo.InvariantCulture), 0)).ToArray();
        return (examples, new SliceStoreImageSource(services.GetRequiredService<SliceStore>(), keys));
    }


    private sealed record BenchOutput(
        double ImagesPerSecond,
        double SecondsPerStep,
        double MedianImagesPerSecond,
        double MedianSecondsPerStep,
        double Seconds,
        int Steps,
        int Batch,
        int ImageSize,
        string Backbone,
        string Device,
        int Threads,
        bool Detection,
        bool ChannelsLast,
        double? PipelineImagesPerSecond,
        double? PipelineFractionOfBareStep,
        double? LoaderSecondsPerBatch,
        int? PipelineSlices,
        double? LoadAverage);
}
