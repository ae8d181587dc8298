using System.Text.Json.Serialization;

namespace BlendSign.Model.Network;

/// <summary>
/// What <see cref="CpuFastPathCheck"/> found on this CPU: whether the fast path computed the reference path's numbers,
/// the largest relative difference and where it was, and how long the check took. <see cref="Problem"/> says why there
/// is no comparison (the check process died, say); then <see cref="Passed"/> is false.
/// </summary>
public sealed record CpuFastPathReport(
    bool Passed,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double LargestDifference,
    string Where,
    string Cpu,
    double Seconds)
{
    public string? Problem { get; init; }

    public static CpuFastPathReport Failed(string problem) => new(false, double.NaN, "", Torch.CpuModel.Name, 0) { Problem = problem };

    /// <summary>Why the fast path is not used, in words; null when it passed.</summary>
    [JsonIgnore]
    public string? Reason => Passed
        ? null
        : Problem ?? $"it differs from the reference path by {LargestDifference:g3} (relative) in {Where}, above the tolerance {CpuFastPathCheck.Tolerance:g1}";
}
