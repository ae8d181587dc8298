using System.Diagnostics;
using BlendSign.Data.Dicom;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Rendering;

// The viewer's whole path per slice, decoded in this process or as an import does it, to show what isolation costs.
public sealed class RenderBenchmark(
    DicomSliceReader reader, IDicomDecoder importDecoder, SliceRenderer renderer, ILogger<RenderBenchmark> logger)
{
    /// <param name="paths">DICOM files, or folders searched recursively.</param>
    /// <param name="threads">Workers; all cores when null.</param>
    public RenderBenchmarkResult Run(
        IReadOnlyList<string> paths, int? threads = null, bool isolated = false, CancellationToken cancellationToken = default)
    {
        IDicomDecoder decoder = isolated ? importDecoder : reader;
        var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (missing is not null)
        {
            throw new FileNotFoundException($"No such file or folder: {missing}", missing);
        }

        var workers = threads ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers, nameof(threads));
        var preset = WindowPresets.Rgb3;
        WarmUp(paths, decoder, preset);

        var total = new StageTotals();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        Parallel.ForEach(
            EnumerateFiles(paths),
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            () => new Worker(SliceRenderer.OutputLength(preset)),
            (file, _, worker) =>
            {
                worker.Process(file, decoder, renderer, preset);
                return worker;
            },
            worker => total.Add(worker));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        logger.LogInformation("Rendered {Slices} slices ({Skipped} files skipped) in {Seconds:F2} s on {Threads} threads",
            total.Slices, total.Skipped, seconds, workers);
        return new RenderBenchmarkResult(
            total.Slices,
            total.Skipped,
            seconds,
            seconds > 0 ? total.Slices / seconds : 0,
            workers,
            Stopwatch.GetElapsedTime(0, total.DecodeTicks).TotalSeconds,
            Stopwatch.GetElapsedTime(0, total.RenderTicks).TotalSeconds,
            Stopwatch.GetElapsedTime(0, total.EncodeTicks).TotalSeconds,
            cpuSeconds,
            total.PngBytes,
            isolated);
    }

    // Untimed, so the measurement is of steady-state work rather than of JIT compilation, the first window LUT and the
    // first decoder child (a server keeps its children between imports).
    private void WarmUp(IReadOnlyList<string> paths, IDicomDecoder decoder, WindowPreset preset)
    {
        var worker = new Worker(SliceRenderer.OutputLength(preset));
        foreach (var file in EnumerateFiles(paths).Take(16))
        {
            if (worker.Process(file, decoder, renderer, preset))
            {
                return;
            }
        }
    }

    private static IEnumerable<string> EnumerateFiles(IReadOnlyList<string> paths)
    {
        var recursive = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return path;
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*", recursive))
            {
                yield return file;
            }
        }
    }

    private sealed class Worker(int pixelBytes)
    {
        private readonly byte[] _pixels = new byte[pixelBytes];

        public int Slices { get; private set; }
        public int Skipped { get; private set; }
        public long DecodeTicks { get; private set; }
        public long RenderTicks { get; private set; }
        public long EncodeTicks { get; private set; }
        public long PngBytes { get; private set; }

        public bool Process(string file, IDicomDecoder decoder, SliceRenderer renderer, WindowPreset preset)
        {
            var start = Stopwatch.GetTimestamp();
            // Parallel.ForEach's threads wait here for a decoder child, as the import's decode tasks do.
            var read = decoder.ReadAsync(file, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            var decoded = Stopwatch.GetTimestamp();
            DecodeTicks += decoded - start;
            if (read.Slice is null)
            {
                Skipped++;
                return false;
            }

            renderer.RenderInto(read.Slice.Pixels, preset, _pixels);
            var rendered = Stopwatch.GetTimestamp();
            var png = PngEncoder.Encode(_pixels, SliceRenderer.OutputSize, SliceRenderer.OutputSize, preset.Channels.Count);
            var encoded = Stopwatch.GetTimestamp();
            RenderTicks += rendered - decoded;
            EncodeTicks += encoded - rendered;
            PngBytes += png.Length;
            Slices++;
            return true;
        }
    }

    private sealed class StageTotals
    {
        private readonly Lock _lock = new();

        public int Slices { get; private set; }
        public int Skipped { get; private set; }
        public long DecodeTicks { get; private set; }
        public long RenderTicks { get; private set; }
        public long EncodeTicks { get; private set; }
        public long PngBytes { get; private set; }

        public void Add(Worker worker)
        {
            lock (_lock)
            {
                Slices += worker.Slices;
                Skipped += worker.Skipped;
                DecodeTicks += worker.DecodeTicks;
                RenderTicks += worker.RenderTicks;
                EncodeTicks += worker.EncodeTicks;
                PngBytes += worker.PngBytes;
            }
        }
    }
}
