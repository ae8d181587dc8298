using System.Text.Json;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Tests.Cli;

namespace BlendSign.Web.Tests.Features.Agreement;

public sealed class AgreementVerbTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public AgreementVerbTests()
    {
        var users = RatingSeed.AddUsers(_database, "rater1", "rater2", "rater3");
        RatingSeed.AddScan(_database, "1.1", slices: 3);
        HemorrhageClass[][] reads =
        [
            [HemorrhageClass.NonIch, HemorrhageClass.NonIch, HemorrhageClass.NonIch],
            [HemorrhageClass.NormalIch, HemorrhageClass.BlendSign, HemorrhageClass.NormalIch],
            [HemorrhageClass.BlendSign, HemorrhageClass.BlendSign, HemorrhageClass.BlendSign],
        ];
        for (var slice = 0; slice < reads.Length; slice++)
        {
            for (var rater = 0; rater < 3; rater++)
            {
                RatingSeed.AddLabel(_database, users[$"rater{rater + 1}"], $"1.1.{slice}", reads[slice][rater]);
            }
        }
    }

    [Fact]
    public async Task Agreement_Json_WritesTheDesignDocument()
    {
        var (exitCode, output, _) = await CliRun.RunAsync(_database, "agreement", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(["rater1", "rater2", "rater3"], root.GetProperty("raters").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(3, root.GetProperty("slices_compared").GetInt32());
        var nonIch = root.GetProperty("classes").GetProperty("non_ich");
        Assert.Equal(1.0, nonIch.GetProperty("fleiss_kappa").GetDouble());
        Assert.Equal([1.0, 1.0], nonIch.GetProperty("ci95").EnumerateArray().Select(v => v.GetDouble()));
        var pair = nonIch.GetProperty("pairs")[0];
        Assert.Equal(["rater1", "rater2"], pair.GetProperty("raters").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(100.0, pair.GetProperty("percent_agreement").GetDouble());
        Assert.Equal(1.0, pair.GetProperty("cohen_kappa").GetDouble());
        Assert.Equal("almost_perfect", pair.GetProperty("interpretation").GetString());
        Assert.True(root.GetProperty("classes").TryGetProperty("blend_sign", out _));
        Assert.Equal(3, root.GetProperty("overall").GetProperty("pairs").GetArrayLength());
    }

    [Fact]
    public async Task Agreement_Text_PrintsOneRowPerClassAndOverall()
    {
        var (exitCode, output, _) = await CliRun.RunAsync(_database, "agreement");

        Assert.Equal(0, exitCode);
        Assert.Contains("rater1 vs rater2", output);
        Assert.Contains("Fleiss' kappa (95% CI)", output);
        var rows = output.Split('\n').Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(["non_ich", "normal_ich", "blend_sign", "overall"], rows.Where(r => r is "non_ich" or "normal_ich" or "blend_sign" or "overall"));
    }

    public void Dispose() => _database.Dispose();
}
