namespace BlendSign.Web.Features.Reading.Load;

/// <param name="Seconds">From the raters' start to the last one's stop (the deadline plus the requests then in flight).</param>
/// <param name="ImageMs">Latency of the slice images answered 200.</param>
/// <param name="ServerMemory">The server's resident memory at the end (with <c>--pid</c>), else null.</param>
public sealed record LoadReport(
    string Url,
    int Raters,
    int ThinkMs,
    double Seconds,
    int Requests,
    int LabelsSaved,
    double LabelsSavedPerSecond,
    LatencySummary SaveMs,
    LatencySummary ImageMs,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    ServerMemory? ServerMemory,
    LoadVerification Verification);
