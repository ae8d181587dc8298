namespace BlendSign.Data.Rendering;

// Stage times are thread time summed over all workers: where the work goes, not adding up to the wall time (Seconds).
// On a shared machine Slices / CpuSeconds × Threads estimates what the cores would do alone; with Isolated, the
// decoder children's CPU is not in CpuSeconds.
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
