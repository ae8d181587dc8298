using BlendSign.Data.Accounts;
using BlendSign.Data.Labels;
using BlendSign.Data.Scans;
using BlendSign.Web.Components.Pages.Annotate;
using BlendSign.Web.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Components;

public class ViewerTests : BlendSignComponentTest
{
    private async Task<int> AddScanAsync(int slices)
    {
        await using var db = Database.CreateDbContext();
        var scan = new Scan
        {
            PseudonymousId = "SCAN-0001",
            StudyInstanceUid = "1.2.3",
            SeriesInstanceUid = "1.2.3.4",
            Modality = "CT",
            ImportedAt = DateTimeOffset.UtcNow,
        };
        for (var i = 0; i < slices; i++)
        {
            scan.Slices.Add(new Slice
            {
                SopInstanceUid = $"1.2.3.4.{i}",
                SliceIndex = i,
                Rows = 512,
                Columns = 512,
                StoreKey = new string('a', 64),
                TransferSyntaxUid = "1.2.840.10008.1.2.1",
            });
        }

        db.Scans.Add(scan);
        await db.SaveChangesAsync();
        return scan.Id;
    }

    [Fact]
    public async Task KeyTwo_OnFirstSlice_SavesNormalIchAndMovesToNextSlice()
    {
        var raterId = await SignInAsync("rater1", Roles.Radiologist);
        var scanId = await AddScanAsync(3);
        var viewer = Render<Viewer>(p => p.Add(v => v.ScanId, scanId));
        viewer.WaitForElement("[data-testid=viewer]");

        await viewer.Find("[data-testid=viewer]").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "2" });

        await using var db = Database.CreateDbContext();
        var label = await db.SliceLabels.Include(l => l.Slice).SingleAsync();
        Assert.Equal((raterId, 0, HemorrhageClass.NormalIch), (label.RaterId, label.Slice.SliceIndex, label.Label));
        Assert.Equal("Slice 2 of 3", viewer.Find("[data-testid=slice-position]").TextContent);
    }

    [Fact]
    public async Task ArrowKeys_AtTheEnds_StayWithinTheScan()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var scanId = await AddScanAsync(2);
        var viewer = Render<Viewer>(p => p.Add(v => v.ScanId, scanId));
        var element = viewer.WaitForElement("[data-testid=viewer]");

        await element.KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowLeft" });
        Assert.Equal("Slice 1 of 2", viewer.Find("[data-testid=slice-position]").TextContent);
        await viewer.Find("[data-testid=viewer]").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "End" });
        await viewer.Find("[data-testid=viewer]").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowRight" });

        Assert.Equal("Slice 2 of 2", viewer.Find("[data-testid=slice-position]").TextContent);
    }

    [Fact]
    public async Task LabelKeys_ForAReviewer_SaveNothing()
    {
        await SignInAsync("reviewer1", Roles.Reviewer);
        var scanId = await AddScanAsync(2);
        var viewer = Render<Viewer>(p => p.Add(v => v.ScanId, scanId));

        await viewer.WaitForElement("[data-testid=viewer]").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "3" });

        await using var db = Database.CreateDbContext();
        Assert.Empty(db.SliceLabels);
        Assert.Empty(viewer.FindAll("[data-testid=label-blend_sign]"));
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
            await db.SaveChangesAsync();
        }

        var viewer = Render<Viewer>(p => p.Add(v => v.ScanId, scanId));

        Assert.Equal("unlabeled", viewer.WaitForElement("[data-testid=current-label]").TextContent);
    }
}
