using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Features.Reading;

/// <summary>The .NET side that box-editor.js calls: what it saves, selects, refuses and undoes.</summary>
public class BoxEditingTests : ViewerTestBase
{
    private async Task<List<HemorrhageBox>> BoxesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.HemorrhageBoxes.OrderBy(b => b.Id).ToListAsync();
    }

    [Fact]
    public async Task OnBoxDrawn_InsideTheImage_SavesItWithItsCenterInTheMiddleAndSelectsIt()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(2));

        await viewer.InvokeAsync(() => viewer.Instance.OnBoxDrawn(100, 120, 200, 180));

        var box = Assert.Single(await BoxesAsync());
        Assert.Equal((100d, 120d, 200d, 180d, 150d, 150d), (box.Left, box.Top, box.Right, box.Bottom, box.CenterX, box.CenterY));
        var group = viewer.Find("[data-testid=box]");
        Assert.Equal("box selected", group.ClassName);
        Assert.Equal("150", group.GetAttribute("data-center-x"));
        Assert.Equal(4, viewer.FindAll("[data-testid^=handle-]").Count);
        Assert.Contains("center (150, 150)", viewer.Find("[data-testid=box-row]").TextContent);
    }

    [Fact]
    public async Task OnBoxDrawn_OutsideTheImage_IsRefusedWithAMessageAndSavesNothing()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(1));

        await viewer.InvokeAsync(() => viewer.Instance.OnBoxDrawn(400, 10, 600, 50));

        Assert.Empty(await BoxesAsync());
        Assert.Empty(viewer.FindAll("[data-testid=box]"));
        Assert.Contains("inside the image", viewer.Find("[data-testid=save-error]").TextContent);
    }

    [Fact]
    public async Task SelectMoveCenterDeleteAndUndo_EachStepSavedAndRevertedInOrder()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(1));
        await viewer.InvokeAsync(() => viewer.Instance.OnBoxDrawn(10, 10, 50, 50));
        var id = (await BoxesAsync())[0].Id;

        await viewer.InvokeAsync(() => viewer.Instance.OnBoxSelected(null));
        Assert.Empty(viewer.FindAll("[data-testid^=handle-]"));
        await viewer.InvokeAsync(() => viewer.Instance.OnBoxSelected(id));
        await viewer.InvokeAsync(() => viewer.Instance.OnBoxChanged(id, 20, 30, 60, 70, 25, 65));
        await PressAsync(viewer, "Delete");
        Assert.Empty(await BoxesAsync());

        await PressAsync(viewer, "z", ctrl: true);
        var restored = Assert.Single(await BoxesAsync());
        Assert.Equal((id, 20d, 30d, 60d, 70d, 25d, 65d), (restored.Id, restored.Left, restored.Top, restored.Right, restored.Bottom, restored.CenterX, restored.CenterY));

        await PressAsync(viewer, "u");
        var moveUndone = Assert.Single(await BoxesAsync());
        Assert.Equal((10d, 10d, 50d, 50d, 30d, 30d), (moveUndone.Left, moveUndone.Top, moveUndone.Right, moveUndone.Bottom, moveUndone.CenterX, moveUndone.CenterY));

        await PressAsync(viewer, "u");
        Assert.Empty(await BoxesAsync());
        Assert.Empty(viewer.FindAll("[data-testid=box]"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(
            [AuditAction.Create, AuditAction.Change, AuditAction.Delete, AuditAction.Create, AuditAction.Change, AuditAction.Delete],
            await db.AuditEntries.Where(a => a.Entity == AuditEntity.Box).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task OnBoxChanged_CenterOutsideTheBox_IsRefusedAndTheBoxStays()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(1));
        await viewer.InvokeAsync(() => viewer.Instance.OnBoxDrawn(10, 10, 50, 50));
        var id = (await BoxesAsync())[0].Id;

        await viewer.InvokeAsync(() => viewer.Instance.OnBoxChanged(id, 10, 10, 50, 50, 90, 30));

        Assert.Equal(30d, Assert.Single(await BoxesAsync()).CenterX);
        Assert.Contains("center point", viewer.Find("[data-testid=save-error]").TextContent);
        Assert.Equal("30", viewer.Find("[data-testid=box]").GetAttribute("data-center-x"));
    }

    [Fact]
    public async Task Summary_BoxOnNonIchAndBleedWithoutBox_ShowsBothWarnings()
    {
        await SignInAsync("rater1", Roles.Radiologist);
        var viewer = RenderViewer(await AddScanAsync(3));
        await viewer.InvokeAsync(() => viewer.Instance.OnBoxDrawn(10, 10, 50, 50));
        await PressAsync(viewer, "1");
        await PressAsync(viewer, "3");

        var warnings = viewer.FindAll("[data-testid=summary-warning]").Select(w => w.TextContent).ToList();

        Assert.Equal(2, warnings.Count);
        Assert.Contains("Slice 1: a box on a non_ich slice", warnings[0]);
        Assert.Contains("Slice 2: blend_sign without a box", warnings[1]);
    }
}
