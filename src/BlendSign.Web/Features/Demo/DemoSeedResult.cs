using BlendSign.Data.Labels;

namespace BlendSign.Web.Features.Demo;

/// <summary>One demo account and whether this seeding created it (false: it existed and was left as it was).</summary>
public sealed record DemoAccount(string UserName, string Role, bool Created);

/// <param name="GeneratedPassword">The demo accounts' password when none was configured and an account was created with it; shown once, stored nowhere.</param>
public sealed record DemoSeedResult(
    string? RefusalReason,
    int Scans,
    int Slices,
    int Imported,
    int Rejected,
    IReadOnlyDictionary<HemorrhageClass, int> TrueClassCounts,
    int Labels,
    int Boxes,
    IReadOnlyList<DemoAccount> Accounts,
    string? GeneratedPassword,
    string DemoFolder,
    string TruthFile)
{
    public bool Seeded => RefusalReason is null;

    public static DemoSeedResult Refused(string reason, string demoFolder, string truthFile) =>
        new(reason, 0, 0, 0, 0, new Dictionary<HemorrhageClass, int>(), 0, 0, [], null, demoFolder, truthFile);
}
