using BlendSign.Data.Audit;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using BlendSign.Data.Review;
using BlendSign.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Hc = BlendSign.Data.Labels.HemorrhageClass;

namespace BlendSign.Data.Tests.Review;

public sealed class ReviewDecisionServiceTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private ReviewSeed.Seeded _seed = null!;

    private AuditActor Reviewer => new(_seed.Users["reviewer"], "reviewer", AuditSources.Review);

    private ReviewDecisionService Service() => new(_database, TimeProvider.System);

    private async Task SeedAsync() => _seed = await ReviewSeed.SeedAsync(_database,
    [
        ReviewSeed.Unanimous(Hc.NonIch, 0.9, 0.08, 0.02),
        ReviewSeed.Reads([Hc.NormalIch, Hc.NormalIch, Hc.BlendSign], 0.05, 0.15, 0.8),
        ReviewSeed.Unanimous(Hc.BlendSign, 0.02, 0.08, 0.9),
        ReviewSeed.Unanimous(Hc.NormalIch, 0.1, 0.8, 0.1),
    ]);

    [Fact]
    public async Task ChangeAsync_WithReason_AdjudicatesAuditsAndMakesNewSnapshot()
    {
        await SeedAsync();

        var outcome = await Service().ChangeAsync(_seed.RunId, _seed.SliceIds[1], Hc.BlendSign, " two densities ", Reviewer);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(outcome.Snapshot!.Created);
        Assert.NotEqual(_seed.SnapshotId, outcome.Snapshot.Id);
        await using var db = _database.CreateDbContext();
        var adjudication = await db.Adjudications.SingleAsync();
        Assert.Equal((Hc.BlendSign, "two densities", "reviewer"), (adjudication.Label, adjudication.Note, adjudication.DecidedByName));
        var decision = await db.ReviewDecisions.SingleAsync();
        Assert.Equal((ReviewOutcome.Change, Hc.NormalIch, Hc.BlendSign, _seed.SnapshotId, outcome.Snapshot.Id),
            (decision.Outcome, decision.OldLabel!.Value, decision.NewLabel!.Value, decision.GoldSnapshotId, decision.ResultSnapshotId!.Value));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Review);
        Assert.Equal((AuditEntity.GoldLabel, "7.7.1", _seed.SliceIds[1]), (audit.Entity, audit.EntityKey, audit.SliceId!.Value));
        Assert.Contains("\"label\":\"normal_ich\"", audit.OldValue);
        Assert.Contains("\"label\":\"blend_sign\"", audit.NewValue);
        var entry = await db.GoldSnapshotEntries.SingleAsync(e => e.GoldSnapshotId == outcome.Snapshot.Id && e.SliceId == _seed.SliceIds[1]);
        Assert.Equal((Hc.BlendSign, GoldStatus.Adjudicated), (entry.Label!.Value, entry.Status));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task ChangeAsync_NoReason_RefusedAndNothingWritten(string? reason)
    {
        await SeedAsync();

        var outcome = await Service().ChangeAsync(_seed.RunId, _seed.SliceIds[1], Hc.BlendSign, reason, Reviewer);

        Assert.False(outcome.Succeeded);
        Assert.Contains("reason", outcome.Error);
        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.ReviewDecisions.ToListAsync());
        Assert.Empty(await db.Adjudications.ToListAsync());
        Assert.Single(await db.GoldSnapshots.ToListAsync());
        Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), a => a.Action == AuditAction.Review);
    }

    [Fact]
    public async Task ChangeAsync_ToTheGoldLabel_Refused()
    {
        await SeedAsync();

        var outcome = await Service().ChangeAsync(_seed.RunId, _seed.SliceIds[1], Hc.NormalIch, "same", Reviewer);

        Assert.False(outcome.Succeeded);
        Assert.Contains("keep", outcome.Error);
    }

    [Fact]
    public async Task KeepAsync_RecordsAndAuditsAndReusesTheUnchangedSnapshot()
    {
        await SeedAsync();

        var outcome = await Service().KeepAsync(_seed.RunId, _seed.SliceIds[1], Reviewer);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.False(outcome.Snapshot!.Created);
        Assert.Equal(_seed.SnapshotId, outcome.Snapshot.Id);
        await using var db = _database.CreateDbContext();
        var decision = await db.ReviewDecisions.SingleAsync();
        Assert.Equal((ReviewOutcome.Keep, Hc.NormalIch, (HemorrhageClass?)null, _seed.SnapshotId),
            (decision.Outcome, decision.OldLabel!.Value, decision.NewLabel, decision.ResultSnapshotId!.Value));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Review);
        Assert.Contains("\"outcome\":\"keep\"", audit.NewValue);
        Assert.Empty(await db.Adjudications.ToListAsync());
    }

    [Fact]
    public async Task KeepAsync_SliceDecidedAlready_RefusedAndLeavesTheQueue()
    {
        await SeedAsync();
        await Service().KeepAsync(_seed.RunId, _seed.SliceIds[1], Reviewer);

        var again = await Service().RereadAsync(_seed.RunId, _seed.SliceIds[1], null, Reviewer);
        var run = await new ReviewDataService(_database, Service()).LoadRunAsync();

        Assert.False(again.Succeeded);
        Assert.Contains("already decided", again.Error);
        Assert.Equal([_seed.SliceIds[1]], run!.DecidedSliceIds);
    }

    [Fact]
    public async Task RereadAsync_RatersSeeTheFlagUntilEachReadsAgain_ThenCompleted()
    {
        await SeedAsync();
        var reading = new ReadingService(_database, TimeProvider.System);
        var rater1 = Reader.Radiologist(_seed.Users["rater1"], "rater1");
        var rater2 = Reader.Radiologist(_seed.Users["rater2"], "rater2");

        var outcome = await Service().RereadAsync(_seed.RunId, _seed.SliceIds[1], null, Reviewer);
        var worklist = await reading.ListScansAsync(rater1);
        var scan = await reading.OpenScanAsync(worklist[0].ScanId, rater1);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, worklist[0].RereadRequests);
        Assert.Equal([false, true, false, false], scan!.Slices.Select(s => s.RereadRequested));
        Assert.Equal(worklist[0].ScanId, (await reading.NextUnreadAsync(rater1))?.ScanId);

        await reading.SetLabelAsync(_seed.SliceIds[1], rater1, Hc.NormalIch);
        Assert.Equal(0, (await reading.ListScansAsync(rater1))[0].RereadRequests);
        Assert.Equal(1, (await reading.ListScansAsync(rater2))[0].RereadRequests);

        await reading.SetLabelAsync(_seed.SliceIds[1], rater2, Hc.BlendSign);
        await reading.SetLabelAsync(_seed.SliceIds[1], Reader.Radiologist(_seed.Users["rater3"], "rater3"), Hc.BlendSign);
        await using var db = _database.CreateDbContext();
        Assert.NotNull((await db.ReviewDecisions.SingleAsync()).RereadCompletedAt);
        Assert.Contains(await db.AuditEntries.ToListAsync(), a => a.Action == AuditAction.Review && a.NewValue!.Contains("\"outcome\":\"reread\""));
    }

    [Fact]
    public async Task UndoAsync_Change_RestoresTheVoteAndReturnsTheSliceToTheQueue()
    {
        await SeedAsync();
        var changed = await Service().ChangeAsync(_seed.RunId, _seed.SliceIds[1], Hc.BlendSign, "two densities", Reviewer);

        var undone = await Service().UndoAsync(changed.DecisionId!.Value, Reviewer);

        Assert.True(undone.Succeeded, undone.Error);
        Assert.Equal(_seed.SnapshotId, undone.Snapshot!.Id);
        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.Adjudications.ToListAsync());
        Assert.Empty(await db.ReviewDecisions.ToListAsync());
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Review));
        Assert.Empty((await new ReviewDataService(_database, Service()).LoadRunAsync())!.DecidedSliceIds);
    }

    [Fact]
    public async Task ChangesAsync_AfterAChange_ListsTheSliceOldToNew()
    {
        await SeedAsync();
        var changed = await Service().ChangeAsync(_seed.RunId, _seed.SliceIds[1], Hc.BlendSign, "two densities", Reviewer);

        var changes = await new ReviewDataService(_database, Service()).ChangesAsync(_seed.SnapshotId, changed.Snapshot!.Id);

        var change = Assert.Single(changes);
        Assert.Equal(("7.7.1", (HemorrhageClass?)Hc.NormalIch, (HemorrhageClass?)Hc.BlendSign), (change.SopInstanceUid, change.From, change.To));
    }

    [Fact]
    public async Task ListAsync_Decisions_WrittenAsCsv()
    {
        await SeedAsync();
        await Service().KeepAsync(_seed.RunId, _seed.SliceIds[0], Reviewer);
        await Service().ChangeAsync(_seed.RunId, _seed.SliceIds[1], Hc.BlendSign, "two, densities", Reviewer);

        var csv = ReviewDecisionCsv.Write(await Service().ListAsync()).Split('\n');

        Assert.Equal(ReviewDecisionCsv.Header, csv[0]);
        Assert.EndsWith($",reviewer,{_seed.RunId},7.7.0,SCAN-7.7,0,keep,non_ich,,,{_seed.SnapshotId},{_seed.SnapshotId},", csv[1]);
        Assert.Contains(",change,normal_ich,blend_sign,\"two, densities\",", csv[2]);
        Assert.Equal("", csv[3]);
    }

    public void Dispose() => _database.Dispose();
}
