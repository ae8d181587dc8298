namespace BlendSign.Data.Rendering;

/// <summary>
/// One <c>bench render</c> run. <see cref="Seconds"/> is wall time; the stage times are thread time
/// summed over all workers, so they show where the work goes rather than adding up to the wall time.
/// <see cref="CpuSeconds"/> is the processor time the process used meanwhile: on a machine shared with
/// other work, <c>Slices / CpuSeconds × Threads</c> estimates what the cores would do alone. <see cref="Isolated"/>:
/// decoded as an import does, files that need a native codec in child processes (whose CPU is not in CpuSeconds).
/// </summary>
public sealed record RenderBenchmarkResult(
    int Slices,
    int Skipped,
    double Seconds,
    double SlicesPerSecond,
    int Threads,
    double DecodeSeconds,
    double RenderSeconds,
    double EncodeSeconds,
    double CpuSeconds,
    long PngBytes,
    bool Isolated);
