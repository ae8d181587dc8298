using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Gold;

public sealed class GoldSnapshotTests : IDisposable
{
    private static readonly AuditActor Lead = new("lead-id", "lead", AuditSources.Ui);
    private readonly TestDatabase _database = new();
    private readonly string[] _raters;

    public GoldSnapshotTests()
    {
        var users = RatingSeed.AddUsers(_database, "rater1", "rater2", "rater3");
        _raters = [users["rater1"], users["rater2"], users["rater3"]];
        GoldSeed.MakeRadiologists(_database, _raters);
        RatingSeed.AddScan(_database, "1.1", 3);
        GoldSeed.Label(_database, "1.1.0", _raters, HemorrhageClass.NonIch, HemorrhageClass.NonIch, HemorrhageClass.NonIch);
        GoldSeed.Label(_database, "1.1.1", _raters, HemorrhageClass.NormalIch, HemorrhageClass.BlendSign, HemorrhageClass.NonIch);
        GoldSeed.Label(_database, "1.1.2", _raters, HemorrhageClass.BlendSign, HemorrhageClass.BlendSign, HemorrhageClass.NormalIch);
        GoldSeed.AddBox(_database, _raters[0], "1.1.2", 10, 10, 50, 50);
        GoldSeed.AddBox(_database, _raters[1], "1.1.2", 12, 10, 52, 50);
    }

    [Fact]
    public void Compute_SameContentInAnyOrder_SameHash()
    {
        var slices = Slices();

        Assert.Equal(GoldSnapshotHash.Compute(slices), GoldSnapshotHash.Compute(slices.AsEnumerable().Reverse()));
        Assert.Matches("^[0-9a-f]{64}$", GoldSnapshotHash.Compute(slices));
    }

    [Fact]
    public void Compute_AnyChange_NewHash()
    {
        var slices = Slices();
        var original = GoldSnapshotHash.Compute(slices);
        var first = slices[0];
        var box = new ConsensusBox(30, 30, 10, 10, 50, 50, 2);
        List<SliceGold> Changed(SliceGold replacement) => [replacement, .. slices.Skip(1)];

        Assert.NotEqual(original, GoldSnapshotHash.Compute(Changed(first with { Decision = first.Decision with { Label = HemorrhageClass.BlendSign } })));
        Assert.NotEqual(original, GoldSnapshotHash.Compute(Changed(first with { Decision = first.Decision with { Votes = 2 } })));
        Assert.NotEqual(original, GoldSnapshotHash.Compute(Changed(first with { Decision = first.Decision with { Status = GoldStatus.Adjudicated } })));
        Assert.NotEqual(original, GoldSnapshotHash.Compute(Changed(first with { Boxes = [box] })));
        Assert.NotEqual(GoldSnapshotHash.Compute(Changed(first with { Boxes = [box] })),
            GoldSnapshotHash.Compute(Changed(first with { Boxes = [box with { Right = 50.5 }] })));
        Assert.NotEqual(original, GoldSnapshotHash.Compute(slices.Skip(1)));
    }

    [Fact]
    public async Task CreateAsync_FirstTime_StoresEntriesBoxesCountsAndAudit()
    {
        var snapshot = await Service().CreateAsync(GoldSnapshotService.FreezeReason, Lead);

        Assert.True(snapshot.Created);
        Assert.Equal((3, 1, 0, 1, 1), (snapshot.SliceCount, snapshot.NonIchCount, snapshot.NormalIchCount, snapshot.BlendSignCount, snapshot.UnresolvedCount));
        await using var db = _database.CreateDbContext();
        var stored = await db.GoldSnapshots.Include(s => s.Entries).Include(s => s.Boxes).SingleAsync();
        Assert.Equal(3, stored.Entries.Count);
        Assert.Null(stored.Entries.Single(e => e.Status == GoldStatus.Tie).Label);
        Assert.Equal(2, Assert.Single(stored.Boxes).Support);
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntity.GoldSnapshot);
        Assert.Equal(snapshot.ContentHash, audit.EntityKey);
        Assert.Equal("lead", audit.ActorName);
    }

    [Fact]
    public async Task CreateAsync_SameContentAgain_ReturnsExistingSnapshot()
    {
        var first = await Service().CreateAsync(GoldSnapshotService.FreezeReason, Lead);

        var second = await Service().CreateAsync(GoldSnapshotService.TrainingReason, Lead);

        Assert.False(second.Created);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.ContentHash, second.ContentHash);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.GoldSnapshots.CountAsync());
    }

    [Fact]
    public async Task CreateAsync_AfterALabelChanges_NewSnapshotWithNewHash()
    {
        var first = await Service().CreateAsync(GoldSnapshotService.FreezeReason, Lead);
        await using (var db = _database.CreateDbContext())
        {
            var label = await db.SliceLabels.FirstAsync(l => l.Slice.SopInstanceUid == "1.1.1" && l.RaterId == _raters[2]);
            label.Label = HemorrhageClass.NormalIch;
            await db.SaveChangesAsync();
        }

        var second = await Service().CreateAsync(GoldSnapshotService.FreezeReason, Lead);

        Assert.True(second.Created);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
        Assert.Equal(0, second.UnresolvedCount);
        var labels = await Service().LabelsAsync(second.Id);
        Assert.Equal(3, labels.Count);
        Assert.Equal(2, (await Service().LabelsAsync(first.Id)).Count);
    }

    private List<SliceGold> Slices() => new GoldStandardService(_database).ComputeAsync().GetAwaiter().GetResult().Slices.ToList();

    private GoldSnapshotService Service() => new(_database, TimeProvider.System);

    public void Dispose() => _database.Dispose();
}
