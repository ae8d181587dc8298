using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Scans;
using BlendSign.Data.Tests.Support;

namespace BlendSign.Data.Tests.Gold;

public sealed class GoldStandardServiceTests : IDisposable
{
    private const HemorrhageClass Non = HemorrhageClass.NonIch;
    private const HemorrhageClass Normal = HemorrhageClass.NormalIch;
    private const HemorrhageClass Blend = HemorrhageClass.BlendSign;

    private readonly TestDatabase _database = new();
    private readonly Dictionary<string, string> _users;
    private readonly string[] _raters;

    public GoldStandardServiceTests()
    {
        _users = RatingSeed.AddUsers(_database, "rater1", "rater2", "rater3");
        _raters = [_users["rater1"], _users["rater2"], _users["rater3"]];
        GoldSeed.MakeRadiologists(_database, _raters);
    }

    [Fact]
    public async Task ComputeAsync_EveryVoteKind_StatusAndLabelPerSlice()
    {
        RatingSeed.AddScan(_database, "1.1", 5);
        GoldSeed.Label(_database, "1.1.0", _raters, Blend, Blend, Blend);
        GoldSeed.Label(_database, "1.1.1", _raters, Normal, Blend, Normal);
        GoldSeed.Label(_database, "1.1.2", _raters, Non, Normal, Blend);
        GoldSeed.Label(_database, "1.1.3", _raters, Non, Non);

        var gold = await Service().ComputeAsync();

        Assert.Equal(["rater1", "rater2", "rater3"], gold.Raters);
        Assert.Equal(
            [
                new GoldDecision(Blend, 3, GoldStatus.Unanimous),
                new GoldDecision(Normal, 2, GoldStatus.Majority),
                new GoldDecision(null, 1, GoldStatus.Tie),
                new GoldDecision(Non, 2, GoldStatus.Incomplete),
                new GoldDecision(null, 0, GoldStatus.Incomplete),
            ],
            gold.Slices.Select(s => s.Decision));
        var missing = gold.Slices[3].Reads.Single(r => r.Rater == "rater3");
        Assert.Null(missing.Label);
    }

    [Fact]
    public async Task ComputeAsync_ScanAssignedToTwo_TwoReadsAreComplete()
    {
        var scan = RatingSeed.AddScan(_database, "2.1", 2);
        GoldSeed.Assign(_database, scan.Id, _raters[0], _raters[1]);
        GoldSeed.Label(_database, "2.1.0", _raters, Blend, Blend);
        GoldSeed.Label(_database, "2.1.1", _raters, Blend, Normal);

        var gold = await Service().ComputeAsync();

        Assert.Equal(new GoldDecision(Blend, 2, GoldStatus.Unanimous), gold.Slices[0].Decision);
        Assert.Equal(GoldStatus.Tie, gold.Slices[1].Decision.Status);
        Assert.DoesNotContain(gold.Slices[0].Reads, r => r.Rater == "rater3");
    }

    [Fact]
    public async Task ComputeAsync_AdjudicatedTie_AdjudicationOverridesVote()
    {
        RatingSeed.AddScan(_database, "3.1", 1);
        GoldSeed.Label(_database, "3.1.0", _raters, Non, Normal, Blend);
        await using (var db = _database.CreateDbContext())
        {
            db.Adjudications.Add(new Adjudication
            {
                SliceId = GoldSeed.SliceId(_database, "3.1.0"), Label = Blend, DecidedById = _raters[0], DecidedByName = "lead",
                DecidedAt = DateTimeOffset.UtcNow, Note = "clear margin",
            });
            await db.SaveChangesAsync();
        }

        var slice = Assert.Single((await Service().ComputeAsync()).Slices);

        Assert.Equal(new GoldDecision(null, 1, GoldStatus.Tie), slice.Vote);
        Assert.Equal(new GoldDecision(Blend, 1, GoldStatus.Adjudicated), slice.Decision);
        Assert.Equal("clear margin", slice.Adjudication!.Note);
    }

    [Fact]
    public async Task ComputeAsync_ExcludedScan_LeftOut()
    {
        RatingSeed.AddScan(_database, "4.1", 1, ScanExclusion.Postoperative);
        RatingSeed.AddScan(_database, "4.2", 1);
        GoldSeed.Label(_database, "4.1.0", _raters, Blend, Blend, Blend);

        var gold = await Service().ComputeAsync();

        Assert.Equal(["4.2.0"], gold.Slices.Select(s => s.SopInstanceUid));
    }

    [Fact]
    public async Task ComputeAsync_BoxesOfTwoRaters_ConsensusBoxOnSlice()
    {
        RatingSeed.AddScan(_database, "5.1", 1);
        GoldSeed.Label(_database, "5.1.0", _raters, Normal, Normal, Non);
        GoldSeed.AddBox(_database, _raters[0], "5.1.0", 10, 10, 50, 50);
        GoldSeed.AddBox(_database, _raters[1], "5.1.0", 12, 10, 52, 50);

        var slice = Assert.Single((await Service().ComputeAsync()).Slices);

        var box = Assert.Single(slice.Boxes);
        Assert.Equal(new ConsensusBox(31, 30, 11, 10, 51, 50, 2), box);
        Assert.Single(slice.Reads.Single(r => r.Rater == "rater1").Boxes);
    }

    private GoldStandardService Service() => new(_database);

    public void Dispose() => _database.Dispose();
}
