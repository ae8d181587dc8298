using BlendSign.Data.Accounts;
using BlendSign.Data.Labels;
using BlendSign.Data.Scans;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Tests.Support;
using Bunit;

namespace BlendSign.Web.Tests.Features.Reading;

public class WorklistTests : BlendSignComponentTest, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // The worklist's pager (a MudSelect) brings MudBlazor services that only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private async Task<string> SeedAsync()
    {
        var raterId = await SignInAsync("rater1", Roles.Radiologist);
        RatingSeed.AddScan(Database, "1.1", 2);
        RatingSeed.AddScan(Database, "1.2", 2);
        RatingSeed.AddScan(Database, "1.3", 1, ScanExclusion.PatientUnderSeven);
        RatingSeed.AddLabel(Database, raterId, "1.1.0", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(Database, raterId, "1.1.1", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(Database, raterId, "1.2.0", HemorrhageClass.NormalIch);
        return raterId;
    }

    [Fact]
    public async Task Worklist_MixedProgress_ShowsCountsStatusesAndTheInProgressScanAsNext()
    {
        await SeedAsync();

        var page = Render<Scans>();
        page.WaitForElement("[data-testid=scan-table]");

        Assert.Equal(["2 / 2 labeled", "1 / 2 labeled", "0 / 1 labeled"], page.FindAll("[data-testid=scan-progress]").Select(e => e.TextContent));
        Assert.Equal(["done", "in progress", "not started"], page.FindAll("[data-testid=scan-status]").Select(e => e.TextContent.Trim()));
        Assert.Single(page.FindAll("[data-testid=excluded-badge]"));
        var next = page.Find("[data-testid=next-unread]");
        Assert.Contains("SCAN-1.2", next.TextContent);
        Assert.Equal("false", next.GetAttribute("data-enhance-nav"));
    }

    [Fact]
    public async Task FilterChip_InProgress_ShowsOnlyThoseScans()
    {
        await SeedAsync();
        var page = Render<Scans>();
        page.WaitForElement("[data-testid=scan-table]");

        await page.Find("[data-testid=filter-in-progress]").ClickAsync(new());

        Assert.Equal(["SCAN-1.2"], page.FindAll("[data-testid=scan-id]").Select(e => e.TextContent.Trim()));
        Assert.Contains("(1)", page.Find("[data-testid=filter-in-progress]").TextContent);
        await page.Find("[data-testid=filter-done]").ClickAsync(new());
        Assert.Equal(["SCAN-1.1"], page.FindAll("[data-testid=scan-id]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task Worklist_ForALead_ListsEveryScanWithoutNextUnread()
    {
        await SignInAsync("lead", Roles.Lead);
        RatingSeed.AddScan(Database, "2.1", 1);
        RatingSeed.AddScan(Database, "2.2", 1);

        var page = Render<Scans>();
        page.WaitForElement("[data-testid=scan-table]");

        Assert.Equal(2, page.FindAll("[data-testid=scan-id]").Count);
        Assert.Empty(page.FindAll("[data-testid=next-unread]"));
    }
}
