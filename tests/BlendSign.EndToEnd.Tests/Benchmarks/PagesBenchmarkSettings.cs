using System.Globalization;

namespace BlendSign.EndToEnd.Tests.Benchmarks;

/// <summary>
/// The page benchmark's settings, from the environment (scripts/bench-pages.sh sets them): the seeded data directory,
/// the accounts' password, the training run whose results page is loaded, the warm visits per page, and optionally
/// another build of the app to measure (a baseline).
/// </summary>
public sealed record PagesBenchmarkSettings(string DataDirectory, string Password, int RunId, int WarmVisits, string? AppDll)
{
    /// <summary>The five demo accounts first (the single-user round), then five more of the lead and reviewer roles.</summary>
    public IReadOnlyList<BenchUser> Users { get; } =
    [
        new("lead", BenchRole.Lead), new("reviewer", BenchRole.Reviewer),
        new("rater1", BenchRole.Rater), new("rater2", BenchRole.Rater), new("rater3", BenchRole.Rater),
        new("bench-lead-2", BenchRole.Lead), new("bench-lead-3", BenchRole.Lead), new("bench-lead-4", BenchRole.Lead),
        new("bench-reviewer-2", BenchRole.Reviewer), new("bench-reviewer-3", BenchRole.Reviewer),
    ];

    public static PagesBenchmarkSettings? FromEnvironment()
    {
        var data = Environment.GetEnvironmentVariable("BLENDSIGN_BENCH_DATA");
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        return new PagesBenchmarkSettings(
            data,
            Environment.GetEnvironmentVariable("BLENDSIGN_BENCH_PASSWORD") is { Length: > 0 } password ? password : "Demo-password-1",
            Number("BLENDSIGN_BENCH_RUN", 1),
            Number("BLENDSIGN_BENCH_WARM", 3),
            Environment.GetEnvironmentVariable("BLENDSIGN_BENCH_APP") is { Length: > 0 } app ? app : null);
    }

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

public enum BenchRole
{
    Lead,
    Reviewer,
    Rater,
}

public sealed record BenchUser(string Name, BenchRole Role)
{
    public IReadOnlyList<string> Pages(int runId) => Role switch
    {
        BenchRole.Lead => ["/review", "/agreement", "/scans", $"/training/runs/{runId}", "/gold/adjudication", "/assignments"],
        BenchRole.Reviewer => ["/review", "/review/compare"],
        _ => ["/scans"],
    };
}

/// <summary>One page load: until loaded in the browser, and the document's request to response end (the server's prerender).</summary>
public sealed record Visit(double LoadMs, double DocumentMs);

/// <summary>A page's first visit (cold) and the median of the others (warm), in milliseconds.</summary>
public sealed record PageTiming(int Users, string User, string Page, double ColdMs, double WarmMs, double ColdDocumentMs, double WarmDocumentMs)
{
    public static PageTiming Of(int users, string user, string page, IReadOnlyList<Visit> visits)
    {
        var warm = visits.Skip(1).ToList();
        return new PageTiming(users, user, page, visits[0].LoadMs, Median(warm.Select(v => v.LoadMs)),
            visits[0].DocumentMs, Median(warm.Select(v => v.DocumentMs)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
