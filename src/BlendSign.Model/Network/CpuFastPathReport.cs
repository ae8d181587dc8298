using System.Text.Json.Serialization;

namespace BlendSign.Model.Network;

/// <summary><see cref="Problem"/> says why there is no comparison (the check process died, say); then <see cref="Passed"/> is false.</summary>
public sealed record CpuFastPathReport(
    bool Passed,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double LargestDifference,
    string Where,
    string Cpu,
    double Seconds)
{
    public string? Problem { get; init; }

    public static CpuFastPathReport Failed(string problem) => new(false, double.NaN, "", Torch.CpuModel.Name, 0) { Problem = problem };

    [JsonIgnore]
    public string? Reason => Passed
        ? null
        : Problem ?? $"it differs from the reference path by {LargestDifference:g3} (relative) in {Where}, above the tolerance {CpuFastPathCheck.Tolerance:g1}";
}
