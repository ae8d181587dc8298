using System.Text.Json;
using BlendSign.Data.Agreement;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Scans;
using BlendSign.Data.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Data.Tests.Agreement;

public sealed class AgreementServiceTests : IDisposable
{
    private const HemorrhageClass Non = HemorrhageClass.NonIch;
    private const HemorrhageClass Normal = HemorrhageClass.NormalIch;
    private const HemorrhageClass Blend = HemorrhageClass.BlendSign;
    private readonly TestDatabase _database = new();
    private readonly AgreementService _service;

    public AgreementServiceTests()
    {
        // Created out of name order: the report orders raters by user name.
        var users = RatingSeed.AddUsers(_database, "rater3", "rater1", "rater2", "outsider");
        RatingSeed.AddScan(_database, "1.1", slices: 3);
        RatingSeed.AddScan(_database, "2.2", slices: 2);
        RatingSeed.AddScan(_database, "3.3", slices: 1, ScanExclusion.PatientUnderSeven);
        void Label(string rater, string sop, HemorrhageClass label) => RatingSeed.AddLabel(_database, users[rater], sop, label);

        (string Sop, HemorrhageClass R1, HemorrhageClass R2, HemorrhageClass R3)[] complete =
        [
            ("1.1.0", Non, Non, Non),
            ("1.1.1", Normal, Normal, Blend),
            ("2.2.0", Blend, Blend, Blend),
            ("2.2.1", Non, Normal, Non),
        ];
        foreach (var (sop, r1, r2, r3) in complete)
        {
            Label("rater1", sop, r1);
            Label("rater2", sop, r2);
            Label("rater3", sop, r3);
        }

        Label("rater1", "1.1.2", Non); // read by one rater only: not compared
        Label("outsider", "3.3.0", Blend); // only in an excluded scan: not a rater
        Label("rater1", "3.3.0", Normal);
        _service = new AgreementService(_database, NullLogger<AgreementService>.Instance);
    }

    [Fact]
    public async Task DisagreementsAsync_Overall_SlicesWhereThePairDisagreeWithScanAndLabels()
    {
        var slices = await _service.DisagreementsAsync("rater1", "rater3", AgreementDetails.Overall);

        // rater1 and rater3 differ on 1.1.1 (normal_ich vs blend_sign) only; 2.2.1 is non_ich for both.
        var only = Assert.Single(slices!);
        Assert.Equal(new SliceDisagreement("1.1.1", "SCAN-1.1", 1, Normal, Blend), only);
    }

    [Theory]
    [InlineData("rater1", "nobody", "overall")]
    [InlineData("rater1", "rater1", "overall")]
    [InlineData("rater1", "rater2", "no_such_class")]
    public async Task DisagreementsAsync_UnknownRaterOrRow_Null(string first, string second, string group) =>
        Assert.Null(await _service.DisagreementsAsync(first, second, group));

    [Fact]
    public async Task ComputeAsync_SeededDatabase_ComparesNonExcludedSlicesReadByAll()
    {
        var report = await _service.ComputeAsync();

        Assert.Equal(["rater1", "rater2", "rater3"], report.Raters);
        Assert.Equal(4, report.SlicesCompared);
        Assert.Equal(2, report.ScansCompared);
        var expected = AgreementCalculator.Compute(LabelMatrix.FromRows(
            ["rater1", "rater2", "rater3"],
            [(1, [0, 0, 0]), (1, [1, 1, 2]), (2, [2, 2, 2]), (2, [0, 1, 0])]));
        Assert.Equal(expected.Overall.FleissKappa, report.Overall.FleissKappa);
        Assert.Equal(expected.Overall.Ci95, report.Overall.Ci95);
        Assert.Equal(expected.For(Blend).Pairs.Select(p => p.CohenKappa), report.For(Blend).Pairs.Select(p => p.CohenKappa));
    }

    [Fact]
    public async Task CurrentAsync_Unchanged_ComputedOnce()
    {
        var first = await _service.CurrentAsync();

        Assert.Same(first, await _service.CurrentAsync());
    }

    [Fact]
    public async Task CurrentAsync_LabelChangedInPlace_Recomputed()
    {
        var before = await _service.CurrentAsync();
        await using (var db = _database.CreateDbContext())
        {
            // rater3 now agrees on 1.1.1: a change in place (no count or last id moves), audited as every change is.
            var label = db.SliceLabels.Single(l => l.Slice.SopInstanceUid == "1.1.1" && l.Rater.UserName == "rater3");
            label.Label = Normal;
            db.Record(AuditActor.System(AuditSources.Csv), AuditAction.Change, AuditEntity.Label, "1.1.1", Blend, Normal);
            await db.SaveChangesAsync();
        }

        var after = await _service.CurrentAsync();

        Assert.NotSame(before, after);
        Assert.Equal(100.0, after.Report.For(Blend).Pair("rater1", "rater3")!.PercentAgreement);
    }

    [Fact]
    public async Task ComputeAsync_PerfectPair_ReportsHundredPercent()
    {
        var report = await _service.ComputeAsync();

        // rater1 and rater3 differ only on slice 1.1.1 (normal vs blend): non_ich agrees on all four slices.
        var pair = report.For(Non).Pair("rater1", "rater3")!;
        Assert.Equal(100.0, pair.PercentAgreement);
        Assert.Equal(1.0, pair.CohenKappa);
        Assert.Equal(75.0, report.Overall.Pair("rater1", "rater3")!.PercentAgreement);
    }

    [Fact]
    public async Task ComputeAsync_EmptyDatabase_NoRatersWithReason()
    {
        using var empty = new TestDatabase();

        var report = await new AgreementService(empty, NullLogger<AgreementService>.Instance).ComputeAsync();

        Assert.Empty(report.Raters);
        Assert.Equal(0, report.SlicesCompared);
        Assert.Null(report.Overall.FleissKappa);
        Assert.NotNull(report.Note);
    }

    [Fact]
    public async Task ComputeAsync_SerializedSnakeCase_HasTheDesignShape()
    {
        var report = await _service.ComputeAsync();

        // The command line's options (CliJson): snake_case names, dictionary keys as they are.
        var json = JsonSerializer.SerializeToElement(report, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });

        Assert.Equal(["rater1", "rater2", "rater3"], json.GetProperty("raters").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(4, json.GetProperty("slices_compared").GetInt32());
        var classes = json.GetProperty("classes");
        Assert.Equal(["non_ich", "normal_ich", "blend_sign"], classes.EnumerateObject().Select(p => p.Name));
        foreach (var group in classes.EnumerateObject().Select(p => p.Value).Append(json.GetProperty("overall")))
        {
            Assert.Equal(JsonValueKind.Number, group.GetProperty("fleiss_kappa").ValueKind);
            Assert.Equal(2, group.GetProperty("ci95").GetArrayLength());
            var pair = group.GetProperty("pairs")[0];
            Assert.Equal(["rater1", "rater2"], pair.GetProperty("raters").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(JsonValueKind.Number, pair.GetProperty("percent_agreement").ValueKind);
            Assert.Equal(JsonValueKind.Number, pair.GetProperty("cohen_kappa").ValueKind);
            Assert.Equal(2, pair.GetProperty("ci95").GetArrayLength());
            Assert.Equal(JsonValueKind.String, pair.GetProperty("interpretation").ValueKind);
        }

        Assert.Equal(3, json.GetProperty("overall").GetProperty("pairs").GetArrayLength());
    }

    public void Dispose() => _database.Dispose();
}
