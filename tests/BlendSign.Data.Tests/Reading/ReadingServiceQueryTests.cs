using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using BlendSign.Data.Scans;
using BlendSign.Data.Tests.Support;

namespace BlendSign.Data.Tests.Reading;

public sealed class ReadingServiceQueryTests : ReadingFixture
{
    [Fact]
    public async Task ListScans_ScanAssignedToAnotherRater_IsLeftOutOfTheWorklist()
    {
        var everybodys = AddScan("1.1", 2);
        var rater2s = AddScan("1.2", 2);
        Assign(rater2s, Rater2);

        var rater1 = await Service.ListScansAsync(Rater1);
        var rater2 = await Service.ListScansAsync(Rater2);
        var lead = await Service.ListScansAsync(Lead);

        Assert.Equal([everybodys.Id], rater1.Select(s => s.ScanId));
        Assert.Equal([everybodys.Id, rater2s.Id], rater2.Select(s => s.ScanId));
        Assert.Equal(2, lead.Count);
    }

    [Fact]
    public async Task ListScans_PartlyLabeled_CountsOnlyOwnLabelsAndStatus()
    {
        var scan = AddScan("2.1", 3);
        RatingSeed.AddLabel(Database, Rater1.UserId, "2.1.0", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(Database, Rater2.UserId, "2.1.0", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(Database, Rater2.UserId, "2.1.1", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(Database, Rater2.UserId, "2.1.2", HemorrhageClass.NonIch);

        var rater1 = Assert.Single(await Service.ListScansAsync(Rater1));
        var rater2 = Assert.Single(await Service.ListScansAsync(Rater2));
        var lead = Assert.Single(await Service.ListScansAsync(Lead));

        Assert.Equal((scan.Id, 1, ReadingStatus.InProgress), (rater1.ScanId, rater1.LabeledByMe, rater1.Status));
        Assert.Equal((3, ReadingStatus.Done), (rater2.LabeledByMe, rater2.Status));
        Assert.Equal((0, ReadingStatus.NotStarted), (lead.LabeledByMe, lead.Status));
    }

    [Fact]
    public async Task NextUnread_InProgressAfterNotStarted_PrefersInProgressAndSkipsDoneAndExcluded()
    {
        var done = AddScan("3.1", 1);
        AddScan("3.2", 2, ScanExclusion.Postoperative);
        AddScan("3.3", 2);
        var started = AddScan("3.4", 2);
        RatingSeed.AddLabel(Database, Rater1.UserId, "3.1.0", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(Database, Rater1.UserId, "3.4.0", HemorrhageClass.NonIch);

        var next = await Service.NextUnreadAsync(Rater1);

        Assert.Equal(started.Id, next?.ScanId);
        Assert.NotEqual(done.Id, next?.ScanId);
    }

    [Fact]
    public async Task NextUnread_EverythingDone_ReturnsNull()
    {
        AddScan("4.1", 1);
        RatingSeed.AddLabel(Database, Rater1.UserId, "4.1.0", HemorrhageClass.NormalIch);

        Assert.Null(await Service.NextUnreadAsync(Rater1));
        Assert.NotNull(await Service.NextUnreadAsync(Rater2));
    }

    [Fact]
    public async Task OpenScan_NotAssignedToTheRater_LooksLikeAMissingScan()
    {
        var scan = AddScan("5.1", 2);
        Assign(scan, Rater2);

        Assert.Null(await Service.OpenScanAsync(scan.Id, Rater1));
        Assert.Null(await Service.OpenScanAsync(scan.Id + 100, Rater1));
        var lead = await Service.OpenScanAsync(scan.Id, Lead);
        Assert.NotNull(lead);
        Assert.False(lead.CanLabel);
        Assert.True(lead.CanExclude);
    }

    [Fact]
    public async Task OpenScan_AnotherRatersLabelsAndBoxes_AreNeverReturned()
    {
        var scan = AddScan("6.1", 2);
        var slice = SliceId("6.1.0");
        Assert.True((await Service.SetLabelAsync(slice, Rater1, HemorrhageClass.BlendSign)).IsSaved);
        Assert.True((await Service.AddBoxAsync(slice, Rater1, BoxGeometry.Centered(10, 10, 50, 40))).IsSaved);

        var rater2 = await Service.OpenScanAsync(scan.Id, Rater2);
        var rater1 = await Service.OpenScanAsync(scan.Id, Rater1);

        Assert.All(rater2!.Slices, s => Assert.Null(s.MyLabel));
        Assert.All(rater2.Slices, s => Assert.Empty(s.MyBoxes));
        Assert.True(rater2.CanLabel);
        Assert.Equal(HemorrhageClass.BlendSign, rater1!.Slices[0].MyLabel);
        Assert.Equal(new BoxGeometry(10, 10, 50, 40, 30, 25), Assert.Single(rater1.Slices[0].MyBoxes).Geometry);
    }
}
