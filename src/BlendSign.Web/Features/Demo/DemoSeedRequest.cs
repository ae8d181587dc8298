namespace BlendSign.Web.Features.Demo;

/// <summary>What to seed: how many synthetic scans, from which seed, and where the truth file goes (default <c>{DataDirectory}/demo/truth.csv</c>).</summary>
public sealed record DemoSeedRequest(int Scans, int Seed = DemoSeedRequest.DefaultSeed, string? TruthFile = null)
{
    public const int DefaultSeed = 42;
}
