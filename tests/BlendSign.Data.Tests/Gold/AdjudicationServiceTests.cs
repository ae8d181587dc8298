using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Gold;

public sealed class AdjudicationServiceTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AuditActor _lead;
    private readonly int _tie;
    private readonly int _majority;

    public AdjudicationServiceTests()
    {
        var users = RatingSeed.AddUsers(_database, "rater1", "rater2", "rater3", "lead");
        string[] raters = [users["rater1"], users["rater2"], users["rater3"]];
        GoldSeed.MakeRadiologists(_database, raters);
        _lead = new AuditActor(users["lead"], "lead", AuditSources.Ui);
        RatingSeed.AddScan(_database, "1.1", 2);
        GoldSeed.Label(_database, "1.1.0", raters, HemorrhageClass.NonIch, HemorrhageClass.NormalIch, HemorrhageClass.BlendSign);
        GoldSeed.Label(_database, "1.1.1", raters, HemorrhageClass.NonIch, HemorrhageClass.NonIch, HemorrhageClass.BlendSign);
        _tie = GoldSeed.SliceId(_database, "1.1.0");
        _majority = GoldSeed.SliceId(_database, "1.1.1");
    }

    [Fact]
    public async Task QueueAsync_OneTie_ListsTheTieOnly()
    {
        var queue = await Service().QueueAsync();

        Assert.Equal(["1.1.0"], queue.Select(s => s.SopInstanceUid));
        Assert.Equal(3, queue[0].Reads.Count(r => r.Label is not null));
    }

    [Fact]
    public async Task CaseAsync_Tie_EveryReadTheScansSlicesAndThePanel()
    {
        var found = await Service().CaseAsync("1.1.0");

        Assert.NotNull(found);
        Assert.Equal(GoldStatus.Tie, found.Slice.Vote.Status);
        Assert.Equal(["rater1", "rater2", "rater3"], found.Slice.Reads.Select(r => r.Rater));
        Assert.Equal([HemorrhageClass.NonIch, HemorrhageClass.NormalIch, HemorrhageClass.BlendSign], found.Slice.Reads.Select(r => r.Label));
        Assert.Equal(["1.1.0", "1.1.1"], found.ScanSlices);
        Assert.Equal(0, found.Position);
        Assert.True(found.EveryRadiologist);
        Assert.Null(await Service().CaseAsync("9.9.9"));
    }

    [Fact]
    public async Task DecideWithReasonAsync_NoReason_RefusedAndNothingWritten()
    {
        var outcome = await Service().DecideWithReasonAsync(_majority, HemorrhageClass.BlendSign, "  ", _lead);

        Assert.False(outcome.Succeeded);
        Assert.Contains("reason", outcome.Error, StringComparison.Ordinal);
        await using var db = _database.CreateDbContext();
        Assert.Empty(db.Adjudications);
        Assert.Empty(db.AuditEntries);
    }

    [Fact]
    public async Task DecideWithReasonAsync_OverridesAMajority_AdjudicatedWithTheReasonAudited()
    {
        var outcome = await Service().DecideWithReasonAsync(_majority, HemorrhageClass.BlendSign, "hypodense swirl visible", _lead);

        Assert.True(outcome.Succeeded, outcome.Error);
        var found = await Service().CaseAsync("1.1.1");
        Assert.Equal((HemorrhageClass.BlendSign, GoldStatus.Adjudicated), (found!.Slice.Decision.Label!.Value, found.Slice.Decision.Status));
        Assert.Equal("hypodense swirl visible", found.Slice.Adjudication!.Note);
        await using var db = _database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Entity == AuditEntity.GoldLabel);
        Assert.Contains("hypodense swirl visible", entry.NewValue, StringComparison.Ordinal);
        Assert.Contains("non_ich", entry.OldValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_Tie_WritesAdjudicationAuditAndSnapshot()
    {
        var outcome = await Service().DecideAsync(_tie, HemorrhageClass.BlendSign, "  mixed density ", _lead);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(outcome.Snapshot!.Created);
        await using var db = _database.CreateDbContext();
        var row = await db.Adjudications.SingleAsync();
        Assert.Equal((HemorrhageClass.BlendSign, "mixed density", "lead"), (row.Label, row.Note, row.DecidedByName));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Adjudicate);
        Assert.Equal(AuditEntity.GoldLabel, audit.Entity);
        Assert.Equal("1.1.0", audit.EntityKey);
        Assert.Contains("\"status\":\"tie\"", audit.OldValue);
        Assert.Contains("\"label\":\"blend_sign\"", audit.NewValue);
        Assert.Equal(_tie, audit.SliceId);
        var snapshot = await db.GoldSnapshots.Include(s => s.Entries).SingleAsync();
        var entry = snapshot.Entries.Single(e => e.SliceId == _tie);
        Assert.Equal((HemorrhageClass.BlendSign, GoldStatus.Adjudicated), (entry.Label!.Value, entry.Status));
        Assert.Single(await Service().QueueAsync());
    }

    [Fact]
    public async Task DecideAsync_ChangedThenWithdrawn_EachAuditedWithOwnSnapshot()
    {
        var first = await Service().DecideAsync(_tie, HemorrhageClass.BlendSign, null, _lead);
        var changed = await Service().DecideAsync(_tie, HemorrhageClass.NormalIch, "second look", _lead);
        var withdrawn = await Service().WithdrawAsync(_tie, _lead);

        Assert.True(withdrawn.Succeeded, withdrawn.Error);
        Assert.Equal(3, new[] { first, changed, withdrawn }.Select(o => o.Snapshot!.ContentHash).Distinct().Count());
        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.Adjudications.ToListAsync());
        var audits = await db.AuditEntries.Where(a => a.Entity == AuditEntity.GoldLabel).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Adjudicate, AuditAction.Adjudicate, AuditAction.Delete], audits.Select(a => a.Action));
        Assert.Contains("\"status\":\"adjudicated\"", audits[1].OldValue);
        Assert.Contains("\"label\":\"blend_sign\"", audits[1].OldValue);
        Assert.Contains("\"status\":\"tie\"", audits[2].NewValue);
    }

    [Fact]
    public async Task DecideAsync_BackToAnEarlierGold_ReusesThatSnapshot()
    {
        var baseline = await new GoldSnapshotService(_database, TimeProvider.System).CreateAsync(GoldSnapshotService.FreezeReason, _lead);
        await Service().DecideAsync(_majority, HemorrhageClass.BlendSign, "reviewer", _lead);

        var withdrawn = await Service().WithdrawAsync(_majority, _lead);

        Assert.False(withdrawn.Snapshot!.Created);
        Assert.Equal(baseline.Id, withdrawn.Snapshot.Id);
    }

    [Fact]
    public async Task DecideAsync_UnknownSlice_RefusedAndNothingWritten()
    {
        var outcome = await Service().DecideAsync(9999, HemorrhageClass.NonIch, null, _lead);

        Assert.False(outcome.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.Adjudications.ToListAsync());
        Assert.Empty(await db.AuditEntries.ToListAsync());
        Assert.Empty(await db.GoldSnapshots.ToListAsync());
    }

    [Fact]
    public async Task WithdrawAsync_NothingAdjudicated_Refused() =>
        Assert.False((await Service().WithdrawAsync(_tie, _lead)).Succeeded);

    private AdjudicationService Service() => new(_database, new GoldStandardService(_database), TimeProvider.System);

    public void Dispose() => _database.Dispose();
}
