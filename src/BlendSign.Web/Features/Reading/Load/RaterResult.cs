namespace BlendSign.Web.Features.Reading.Load;

/// <summary>What one simulated rater did: every label write, the latencies (ms) and the errors by kind.</summary>
public sealed record RaterResult(
    string Rater,
    IReadOnlyList<SaveAttempt> Saves,
    IReadOnlyList<double> SaveMilliseconds,
    IReadOnlyList<double> ImageMilliseconds,
    IReadOnlyDictionary<string, int> Errors);
