using BlendSign.Data.Accounts;
using BlendSign.Data.Assignments;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Scans;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Features.Reading;

public class ViewerTests : ViewerTestBase
{
    [Fact]
    public async Task KeyTwo_OnFirstSlice_SavesNormalIchAndMovesToNextSlice()
    {
        var raterId = await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(3));

        await PressAsync(viewer, "2");

        await using var db = Database.CreateDbContext();
        var label = await db.SliceLabels.Include(l => l.Slice).SingleAsync();
        Assert.Equal((raterId, 0, HemorrhageClass.NormalIch), (label.RaterId, label.Slice.SliceIndex, label.Label));
        Assert.Equal("Slice 2 of 3", Position(viewer));
        Assert.Equal("normal_ich", viewer.FindAll("[data-testid=scrubber-cell]")[0].GetAttribute("data-label"));
    }

    [Fact]
    public async Task KeysOneTwoThree_OnThreeSlices_SaveEachAndAdvance()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(4));

        await PressAsync(viewer, "1");
        await PressAsync(viewer, "2");
        await PressAsync(viewer, "3");

        await using var db = Database.CreateDbContext();
        var labels = await db.SliceLabels.OrderBy(l => l.Slice.SliceIndex).Select(l => l.Label).ToListAsync();
        Assert.Equal([HemorrhageClass.NonIch, HemorrhageClass.NormalIch, HemorrhageClass.BlendSign], labels);
        Assert.Equal("Slice 4 of 4", Position(viewer));
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Entity == AuditEntity.Label && a.Action == AuditAction.Create));
    }

    [Fact]
    public async Task ArrowKeys_AtTheEnds_StayWithinTheScan()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(2));

        await PressAsync(viewer, "ArrowLeft");
        Assert.Equal("Slice 1 of 2", Position(viewer));
        await PressAsync(viewer, "End");
        await PressAsync(viewer, "ArrowRight");
        Assert.Equal("Slice 2 of 2", Position(viewer));
        await PressAsync(viewer, "Home");
        Assert.Equal("Slice 1 of 2", Position(viewer));
    }

    [Fact]
    public async Task UndoKey_AfterAFirstLabel_RemovesItAndReturnsToTheSlice()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(3));

        await PressAsync(viewer, "3");
        await PressAsync(viewer, "u");

        Assert.Equal("Slice 1 of 3", Position(viewer));
        Assert.Equal("unlabeled", CurrentLabel(viewer));
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.SliceLabels);
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.OldValue, a.NewValue }).ToListAsync();
        Assert.Equal([(AuditAction.Create, null, "blend_sign"), (AuditAction.Delete, "blend_sign", null)],
            audit.Select(a => (a.Action, a.OldValue, a.NewValue)));
    }

    [Fact]
    public async Task CtrlZ_AfterARelabel_RestoresTheOldLabel()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(2));
        await PressAsync(viewer, "1");
        await PressAsync(viewer, "ArrowLeft");
        await PressAsync(viewer, "3");

        await PressAsync(viewer, "z", ctrl: true);

        Assert.Equal("non_ich", CurrentLabel(viewer));
        await using var db = Database.CreateDbContext();
        Assert.Equal(HemorrhageClass.NonIch, (await db.SliceLabels.SingleAsync()).Label);
        Assert.Contains("Undone", viewer.Find("[data-testid=viewer-status]").TextContent);
    }

    [Fact]
    public async Task WindowKeys_SelectThePresetAndAreInTheLegend()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(1));
        Assert.Contains("on", viewer.Find("[data-testid=window-rgb3]").ClassList);

        await PressAsync(viewer, "b");
        Assert.Contains("on", viewer.Find("[data-testid=window-brain]").ClassList);
        await PressAsync(viewer, "O");
        Assert.Contains("on", viewer.Find("[data-testid=window-bone]").ClassList);
        Assert.DoesNotContain("on", viewer.Find("[data-testid=window-rgb3]").ClassList);

        var legend = viewer.Find("[data-testid=key-legend]").TextContent;
        Assert.Contains("Bone", legend);
        Assert.Contains("Subdural", legend);
        Assert.Contains("undo", legend);
    }

    [Fact]
    public async Task ToolKeys_SelectTheToolAndItsKeyAgainGoesBackToBoxes()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(1));
        Assert.Contains("on", viewer.Find("[data-testid=box-tool]").ClassList);

        await PressAsync(viewer, "e");
        Assert.Contains("on", viewer.Find("[data-testid=ellipse-tool]").ClassList);
        await PressAsync(viewer, "l");
        Assert.Contains("on", viewer.Find("[data-testid=length-tool]").ClassList);
        await PressAsync(viewer, "l");
        Assert.Contains("on", viewer.Find("[data-testid=box-tool]").ClassList);

        var legend = viewer.Find("[data-testid=key-legend]").TextContent;
        Assert.All(BlendSign.Web.Features.Reading.ViewerKeys.Tools, tool => Assert.Contains(tool.Title, legend));
        Assert.Contains("right drag", legend);
        Assert.Contains("cine", legend);
    }

    [Fact]
    public async Task LabelKeys_ForAReviewer_SaveNothing()
    {
        await SignInAsync("reviewer1", Roles.Reviewer);
        var viewer = RenderViewer(await AddScanAsync(2));

        await PressAsync(viewer, "3");

        await using var db = Database.CreateDbContext();
        Assert.Empty(db.SliceLabels);
        Assert.Empty(viewer.FindAll("[data-testid=label-blend_sign]"));
        Assert.Equal("false", viewer.Find("[data-testid=viewer-canvas]").GetAttribute("data-editable"));
    }

    [Fact]
    public async Task OpenScan_ShowsOnlyTheSignedInRatersOwnLabel()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var scanId = await AddScanAsync(1);
        await using (var db = Database.CreateDbContext())
        {
            var other = new ApplicationUser { UserName = "rater2", NormalizedUserName = "RATER2" };
            db.Users.Add(other);
            var sliceId = db.Slices.Single().Id;
            db.SliceLabels.Add(new SliceLabel { SliceId = sliceId, RaterId = other.Id, Label = HemorrhageClass.BlendSign });
            db.HemorrhageBoxes.Add(new HemorrhageBox { SliceId = sliceId, RaterId = other.Id, Left = 1, Top = 1, Right = 9, Bottom = 9, CenterX = 5, CenterY = 5 });
            await db.SaveChangesAsync();
        }

        var viewer = RenderViewer(scanId);

        Assert.Equal("unlabeled", CurrentLabel(viewer));
        Assert.Empty(viewer.FindAll("[data-testid=box]"));
    }

    [Fact]
    public async Task OpenScan_AssignedToAnotherRater_SaysNotFound()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var scanId = await AddScanAsync(1);
        await using (var db = Database.CreateDbContext())
        {
            var other = new ApplicationUser { UserName = "rater2", NormalizedUserName = "RATER2" };
            db.Users.Add(other);
            db.ScanAssignments.Add(new ScanAssignment { ScanId = scanId, RaterId = other.Id });
            await db.SaveChangesAsync();
        }

        var viewer = Render<BlendSign.Web.Features.Reading.Viewer>(p => p.Add(v => v.ScanId, scanId));

        viewer.WaitForElement("[data-testid=scan-not-found]");
        Assert.Empty(viewer.FindAll("[data-testid=slice-canvas]"));
    }

    [Fact]
    public async Task ScrubberCell_Clicked_JumpsToThatSlice()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(5));

        await viewer.FindAll("[data-testid=scrubber-cell]")[3].ClickAsync(new());

        Assert.Equal("Slice 4 of 5", Position(viewer));
        Assert.Contains("scrub-current", viewer.FindAll("[data-testid=scrubber-cell]")[3].ClassName);
    }

    [Fact]
    public async Task Exclusion_SetThenUndone_SavedAuditedAndCleared()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var scanId = await AddScanAsync(2);
        var viewer = RenderViewer(scanId);

        await viewer.Find("[data-testid=exclusion-postoperative]").ChangeAsync(new() { Value = "on" });
        await viewer.Find("[data-testid=exclusion-save]").ClickAsync(new());
        Assert.Contains("Postoperative", viewer.Find("[data-testid=exclusion-current]").TextContent);
        Assert.NotEmpty(viewer.FindAll("[data-testid=excluded-badge]"));
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(ScanExclusion.Postoperative, (await db.Scans.SingleAsync()).Exclusion);
        }

        await PressAsync(viewer, "u");

        await using var after = Database.CreateDbContext();
        Assert.Null((await after.Scans.SingleAsync()).Exclusion);
        Assert.Equal([AuditAction.Create, AuditAction.Delete],
            await after.AuditEntries.Where(a => a.Entity == AuditEntity.Exclusion).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Exclusion_OtherWithoutNote_IsRefusedWithAMessage()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(1));

        await viewer.Find("[data-testid=exclusion-other]").ChangeAsync(new() { Value = "on" });
        await viewer.Find("[data-testid=exclusion-save]").ClickAsync(new());

        Assert.Contains("needs a note", viewer.Find("[data-testid=save-error]").TextContent);
        await using var db = Database.CreateDbContext();
        Assert.Null((await db.Scans.SingleAsync()).Exclusion);
    }
}
