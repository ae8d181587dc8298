using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Features.Gold;
using BlendSign.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Features.Gold;

public class AdjudicationQueueTests : BlendSignComponentTest
{
    public AdjudicationQueueTests() => Services.AddGoldPageServices();

    private void SeedTwoTies()
    {
        var users = RatingSeed.AddUsers(Database, "rater1", "rater2", "rater3");
        RatingSeed.AddScan(Database, "9.1", 3);
        string[] raters = [users["rater1"], users["rater2"], users["rater3"]];
        foreach (var sop in new[] { "9.1.0", "9.1.2" })
        {
            RatingSeed.AddLabel(Database, raters[0], sop, HemorrhageClass.NonIch);
            RatingSeed.AddLabel(Database, raters[1], sop, HemorrhageClass.NormalIch);
            RatingSeed.AddLabel(Database, raters[2], sop, HemorrhageClass.BlendSign);
        }

        foreach (var rater in raters)
        {
            RatingSeed.AddLabel(Database, rater, "9.1.1", HemorrhageClass.NonIch);
        }
    }

    [Fact]
    public async Task KeyThree_OnFirstTie_AdjudicatesAuditsSnapshotsAndMovesToNextTie()
    {
        SeedTwoTies();
        await SignInAsync("lead", Roles.Lead);
        var page = Render<AdjudicationQueue>();
        page.WaitForElement("[data-testid=adjudication-case]");
        Assert.Contains("2 of 2 queued slices", page.Find("[data-testid=adjudication-summary]").TextContent);
        Assert.Equal(3, page.FindAll("[data-testid=reads] tr").Count);
        Assert.Equal("/api/slices/9.1.0/image", page.Find("[data-testid=slice-image]").GetAttribute("src"));

        page.Find("textarea").Change("margin visible");
        await page.Find("[data-testid=adjudication-case]").KeyDownAsync(new KeyboardEventArgs { Key = "3" });

        page.WaitForAssertion(() => Assert.Contains("1 of 2 queued slices", page.Find("[data-testid=adjudication-summary]").TextContent));
        Assert.Contains("9.1.2", page.Find("[data-testid=adjudication-case]").TextContent);
        await using var db = Database.CreateDbContext();
        var adjudication = await db.Adjudications.Include(a => a.Slice).SingleAsync();
        Assert.Equal(("9.1.0", HemorrhageClass.BlendSign, "margin visible", "lead"),
            (adjudication.Slice.SopInstanceUid, adjudication.Label, adjudication.Note, adjudication.DecidedByName));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Adjudicate);
        Assert.Equal((AuditEntity.GoldLabel, "9.1.0"), (audit.Entity, audit.EntityKey));
        var snapshot = await db.GoldSnapshots.SingleAsync();
        Assert.Equal(1, snapshot.BlendSignCount);
        Assert.Contains(snapshot.ContentHash[..12], page.Find("[data-testid=snapshot-hash]").TextContent);
    }

    [Fact]
    public async Task Withdraw_AdjudicatedTie_BackToUndecidedAndAudited()
    {
        SeedTwoTies();
        await SignInAsync("lead", Roles.Lead);
        var page = Render<AdjudicationQueue>();
        page.WaitForElement("[data-testid=adjudication-case]");
        await page.Find("[data-testid=decide-normal_ich]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Contains("1 of 2", page.Find("[data-testid=adjudication-summary]").TextContent));

        await page.Find("[data-testid=queue-item-9\\.1\\.0]").ClickAsync(new MouseEventArgs());
        await page.Find("[data-testid=withdraw]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("2 of 2", page.Find("[data-testid=adjudication-summary]").TextContent));
        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.Adjudications.ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Delete && a.Entity == AuditEntity.GoldLabel));
        Assert.Equal(2, await db.GoldSnapshots.CountAsync());
    }

    [Fact]
    public async Task NoTies_SaysSo()
    {
        RatingSeed.AddUsers(Database, "rater1");
        await SignInAsync("lead", Roles.Lead);

        var page = Render<AdjudicationQueue>();

        page.WaitForElement("[data-testid=queue-empty]");
    }
}
