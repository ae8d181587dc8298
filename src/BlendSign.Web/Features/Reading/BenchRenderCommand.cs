using System.CommandLine;
using System.Globalization;
using BlendSign.Data.Rendering;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Reading;

internal static class BenchRenderCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "DICOM files or folders (searched recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores)." };
        var isolated = new Option<bool>("--isolated")
        {
            Description = "Decode as an import does: files that need a native codec (JPEG 2000, JPEG-LS, RLE) in decoder child processes.",
        };
        var json = new Option<bool>("--json") { Description = "One JSON document on standard output." };
        var command = new Command("render", "Throughput of decode, three-window render, 512 resize and PNG encode.")
        {
            paths, threads, isolated, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var services = await context.GetServicesAsync(cancellationToken);
            var benchmark = services.GetRequiredService<RenderBenchmark>();
            RenderBenchmarkResult result;
            try
            {
                result = benchmark.Run(parse.GetValue(paths)!, parse.GetValue(threads), parse.GetValue(isolated), cancellationToken);
            }
            catch (FileNotFoundException missing)
            {
                await context.Error.WriteLineAsync(missing.Message);
                return 2;
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(context.Out, result);
            }
            else
            {
                await context.Out.WriteLineAsync(Describe(result));
            }

            return 0;
        });
        return command;
    }

    private static string Describe(RenderBenchmarkResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Slices} slices in {r.Seconds:F2} s: {r.SlicesPerSecond:F1} slices/s on {r.Threads} threads{(r.Isolated ? ", decoded as an import does" : "")} " +
        $"({r.Skipped} files skipped; thread time: decode {r.DecodeSeconds:F2} s, window+resize {r.RenderSeconds:F2} s, PNG {r.EncodeSeconds:F2} s; " +
        $"process CPU {r.CpuSeconds:F2} s; " +
        $"{r.PngBytes / Math.Max(1, r.Slices) / 1024.0:F0} KiB per PNG)");
}
