using System.CommandLine;
using System.Globalization;
using BlendSign.Model.Benchmarks;
using BlendSign.Model.Network;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Training;

/// <summary>Milliseconds per slice in eval mode, one slice at a time (the review queue's and Grad-CAM's forward pass).</summary>
public static class BenchInferCommand
{
    public static Command Create(CliContext context)
    {
        var backbone = new Option<string>("--backbone") { Description = $"Backbone; available: {string.Join(", ", Backbones.Supported)}.", DefaultValueFactory = _ => Backbones.ResNet18 };
        var imageSize = new Option<int>("--image-size") { Description = "Input size in pixels, S×S.", DefaultValueFactory = _ => 256 };
        var slices = new Option<int>("--slices") { Description = "Timed slices.", DefaultValueFactory = _ => 20 };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads; 0 keeps its default (one per core).", DefaultValueFactory = _ => 0 };
        var detection = new Option<bool>("--detection") { Description = "With the detection branch." };
        var channelsFirst = new Option<bool>("--channels-first") { Description = "Keep libtorch's default (channels-first) layout on the CPU even where the fast path (channels-last) passed cpu-check, to compare." };
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var command = new Command("infer", "Milliseconds per slice of the model in eval mode, one slice at a time.")
        {
            backbone, imageSize, slices, threads, detection, channelsFirst, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(backbone)!;
            if (!Backbones.IsSupported(name) || parse.GetValue(imageSize) < 32 || parse.GetValue(slices) < 1 || parse.GetValue(threads) < 0)
            {
                await context.Error.WriteLineAsync($"Needs a known --backbone ({string.Join(", ", Backbones.Supported)}), --image-size ≥ 32, --slices ≥ 1 and --threads ≥ 0.");
                return 1;
            }

            var settings = new InferenceBenchmarkSettings
            {
                Backbone = name.Trim().ToLowerInvariant(),
                ImageSize = parse.GetValue(imageSize),
                Slices = parse.GetValue(slices),
                Threads = parse.GetValue(threads),
                Detection = parse.GetValue(detection),
                ChannelsLastOnCpu = !parse.GetValue(channelsFirst) && await BenchVerb.CpuFastPathAsync(context, cancellationToken),
            };
            var result = await Task.Run(() => InferenceBenchmark.Run(settings, cancellationToken), cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(context.Out, result);
            }
            else
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Backbone} {result.ImageSize}×{result.ImageSize}, {result.Threads} thread(s) on {result.Device}, " +
                    $"{(result.ChannelsLast ? "channels-last" : "channels-first")}: {result.MillisecondsPerSlice:0.0} ms per slice " +
                    $"(median {result.MedianMillisecondsPerSlice:0.0}) over {result.Slices} slices"));
            }

            return 0;
        });
        return command;
    }
}
