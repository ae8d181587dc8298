using BlendSign.Data.Accounts;
using BlendSign.Data.Assignments;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using BlendSign.Data.Tests.Support;

namespace BlendSign.Data.Tests.Assignments;

public sealed class AssignmentServiceTests : IDisposable
{
    private static readonly AuditActor Lead = new("lead-id", "lead", AuditSources.Ui);

    private readonly TestDatabase _database = new();
    private readonly Dictionary<string, string> _users;
    private readonly int _scanA;
    private readonly int _scanB;
    private readonly AssignmentService _service;

    public AssignmentServiceTests()
    {
        _users = RatingSeed.AddUsers(_database, "rater1", "rater2", "rater3", "lead");
        foreach (var rater in new[] { "rater1", "rater2", "rater3" })
        {
            RoleSeed.AddToRole(_database, _users[rater], Roles.Radiologist);
        }

        RoleSeed.AddToRole(_database, _users["lead"], Roles.Lead);
        _scanA = RatingSeed.AddScan(_database, "1.1", slices: 4).Id;
        _scanB = RatingSeed.AddScan(_database, "2.2", slices: 2).Id;
        _service = new AssignmentService(_database, TimeProvider.System);
    }

    [Fact]
    public async Task GetOverviewAsync_NoAssignments_EveryScanGoesToEveryRadiologistWithProgress()
    {
        RatingSeed.AddLabel(_database, _users["rater2"], "1.1.0", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(_database, _users["rater2"], "1.1.3", HemorrhageClass.BlendSign);

        var overview = await _service.GetOverviewAsync();

        Assert.Equal(["rater1", "rater2", "rater3"], overview.Radiologists.Select(r => r.UserName));
        var scan = overview.Scans.Single(s => s.ScanId == _scanA);
        Assert.True(scan.EveryRadiologist);
        Assert.Equal(4, scan.Slices);
        Assert.Equal(new RaterProgress(true, 2), scan.Raters[_users["rater2"]]);
        Assert.Equal(new RaterProgress(true, 0), scan.Raters[_users["rater1"]]);
    }

    [Fact]
    public async Task UnassignAsync_DefaultScan_KeepsItForTheOtherRadiologistsAndAudits()
    {
        var result = await _service.UnassignAsync([_scanA], [_users["rater3"]], Lead);

        Assert.Equal(new AssignmentChangeResult(1, null), result);
        var overview = await _service.GetOverviewAsync();
        var scan = overview.Scans.Single(s => s.ScanId == _scanA);
        Assert.False(scan.EveryRadiologist);
        Assert.Equal([true, true, false], overview.Radiologists.Select(r => scan.Raters[r.Id].Assigned));
        Assert.True(overview.Scans.Single(s => s.ScanId == _scanB).EveryRadiologist);
        Assert.Equal(["Delete Assignment SCAN-1.1 rater3: every radiologist -> rater1, rater2 (lead/ui)"], AuditSnapshot.Lines(_database));
    }

    [Fact]
    public async Task AssignAsync_ExplicitScan_AddsTheRaterAndAuditsOnlyThatRater()
    {
        await _service.AssignOnlyAsync([_scanA, _scanB], [_users["rater1"]], Lead);

        var result = await _service.AssignAsync([_scanA], [_users["rater2"]], Lead);

        Assert.Equal(1, result.ScansChanged);
        var scan = (await _service.GetOverviewAsync()).Scans.Single(s => s.ScanId == _scanA);
        Assert.True(scan.Raters[_users["rater1"]].Assigned && scan.Raters[_users["rater2"]].Assigned);
        Assert.False(scan.Raters[_users["rater3"]].Assigned);
        Assert.Equal(
            [
                "Delete Assignment SCAN-1.1 rater2: every radiologist -> rater1 (lead/ui)",
                "Delete Assignment SCAN-1.1 rater3: every radiologist -> rater1 (lead/ui)",
                "Delete Assignment SCAN-2.2 rater2: every radiologist -> rater1 (lead/ui)",
                "Delete Assignment SCAN-2.2 rater3: every radiologist -> rater1 (lead/ui)",
                "Create Assignment SCAN-1.1 rater2: rater1 -> rater1, rater2 (lead/ui)",
            ],
            AuditSnapshot.Lines(_database));
    }

    [Fact]
    public async Task AssignAsync_DefaultScan_ChangesNothing()
    {
        var result = await _service.AssignAsync([_scanA], [_users["rater1"]], Lead);

        Assert.Equal(new AssignmentChangeResult(0, null), result);
        Assert.Empty(AuditSnapshot.Lines(_database));
    }

    [Fact]
    public async Task UnassignAsync_LastRaterOfAScan_RefusedAndNothingChanged()
    {
        await _service.AssignOnlyAsync([_scanB], [_users["rater1"]], Lead);
        var audit = AuditSnapshot.Lines(_database);

        // Scan A could lose rater1, scan B could not: the whole request is refused.
        var result = await _service.UnassignAsync([_scanA, _scanB], [_users["rater1"]], Lead);

        Assert.False(result.Succeeded);
        Assert.Contains("SCAN-2.2 would have no radiologist left", result.Error);
        var overview = await _service.GetOverviewAsync();
        Assert.True(overview.Scans.Single(s => s.ScanId == _scanA).EveryRadiologist);
        Assert.Equal(audit, AuditSnapshot.Lines(_database));
    }

    [Fact]
    public async Task AssignToEveryRadiologistAsync_AllScans_RemovesEveryRowAndAuditsTheGains()
    {
        await _service.AssignOnlyAsync([_scanA, _scanB], [_users["rater2"]], Lead);
        await _service.AssignAsync([_scanA], [_users["rater1"], _users["rater3"]], Lead);
        var before = AuditSnapshot.Lines(_database).Count;

        var result = await _service.AssignToEveryRadiologistAsync(null, Lead);

        Assert.Equal(2, result.ScansChanged);
        Assert.All((await _service.GetOverviewAsync()).Scans, s => Assert.True(s.EveryRadiologist));
        Assert.Equal(
            [
                "Change Assignment SCAN-1.1 : rater1, rater2, rater3 -> every radiologist (lead/ui)",
                "Create Assignment SCAN-2.2 rater1: rater2 -> every radiologist (lead/ui)",
                "Create Assignment SCAN-2.2 rater3: rater2 -> every radiologist (lead/ui)",
            ],
            AuditSnapshot.Lines(_database).Skip(before));
    }

    [Theory]
    [InlineData("lead", "'lead' is not a radiologist.")]
    [InlineData("no-such-id", "No such user.")]
    public async Task AssignAsync_NotARadiologist_Refused(string rater, string message)
    {
        var result = await _service.AssignOnlyAsync([_scanA], [_users.GetValueOrDefault(rater, rater)], Lead);

        Assert.Equal(AssignmentChangeResult.Refused(message), result);
        Assert.Empty(AuditSnapshot.Lines(_database));
    }

    [Fact]
    public async Task AssignAsync_UnknownScan_Refused()
    {
        var result = await _service.UnassignAsync([_scanA, 999], [_users["rater1"]], Lead);

        Assert.Equal(AssignmentChangeResult.Refused("No scan with id 999."), result);
        Assert.Empty(AuditSnapshot.Lines(_database));
    }

    [Fact]
    public async Task ReadingAccess_AfterUnassigning_MatchesTheOverview()
    {
        await _service.AssignOnlyAsync([_scanA], [_users["rater1"]], Lead);
        var overview = await _service.GetOverviewAsync();

        using var db = _database.CreateDbContext();
        foreach (var rater in overview.Radiologists)
        {
            var worklist = db.Scans.AssignedTo(db, rater.Id).Select(s => s.Id).Order().ToList();
            Assert.Equal(overview.Scans.Where(s => s.Raters[rater.Id].Assigned).Select(s => s.ScanId).Order(), worklist);
        }

        Assert.DoesNotContain(_scanA, db.Scans.AssignedTo(db, _users["rater2"]).Select(s => s.Id));
    }

    public void Dispose() => _database.Dispose();
}
