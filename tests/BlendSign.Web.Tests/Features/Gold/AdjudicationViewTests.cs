using BlendSign.Data.Accounts;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Features.Gold;
using BlendSign.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Gold;

public class AdjudicationViewTests : BlendSignComponentTest
{
    public AdjudicationViewTests() => Services.AddGoldPageServices();

    private void SeedTieWithBoxes()
    {
        var users = RatingSeed.AddUsers(Database, "rater1", "rater2", "rater3");
        RatingSeed.AddScan(Database, "9.2", 2);
        RatingSeed.AddLabel(Database, users["rater1"], "9.2.0", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(Database, users["rater2"], "9.2.0", HemorrhageClass.NormalIch);
        RatingSeed.AddLabel(Database, users["rater3"], "9.2.0", HemorrhageClass.BlendSign);
        AddBox(users["rater2"], 100, 100, 200, 200);
        AddBox(users["rater3"], 110, 120, 210, 220);
    }

    private void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    private void AddBox(string raterId, double left, double top, double right, double bottom)
    {
        using var db = Database.CreateDbContext();
        var sliceId = db.Slices.Single(s => s.SopInstanceUid == "9.2.0").Id;
        db.HemorrhageBoxes.Add(new HemorrhageBox
        {
            SliceId = sliceId, RaterId = raterId, Left = left, Top = top, Right = right, Bottom = bottom,
            CenterX = (left + right) / 2, CenterY = (top + bottom) / 2, UpdatedAt = DateTimeOffset.UtcNow,
        });
        db.SaveChanges();
    }

    [Fact]
    public async Task Open_Tie_EveryReadAndBoxAndTheVote_KeyLetterHidesARatersBoxes()
    {
        SeedTieWithBoxes();
        await SignInAsync("lead", Roles.Lead);

        NavigateTo("/gold/slices/9.2.0?from=%2Fgold%2Fadjudication");
        var page = Render<AdjudicationView>(p => p.Add(x => x.Sop, "9.2.0"));

        page.WaitForElement("[data-testid=adjudication-case]");
        Assert.Equal(3, page.FindAll("[data-testid=reads] tbody tr").Count);
        Assert.Contains("Blend sign", page.Find("[data-testid=read-rater3]").TextContent);
        Assert.Contains("tie", page.Find("[data-testid=vote]").TextContent);
        Assert.Contains("slice 1 of 2", page.Find("[data-testid=case-title]").TextContent);
        Assert.Equal(2, page.FindAll(".overlay-boxes rect").Count);

        await page.Find("[data-testid=adjudication-case]").KeyDownAsync(new KeyboardEventArgs { Key = "b" });

        Assert.Single(page.FindAll(".overlay-boxes rect"));
        Assert.Equal("false", page.Find("[data-testid=toggle-rater2]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task KeyThreeReasonEnter_DecidesWithTheReasonAudited_AndWithoutAReasonNothingIsWritten()
    {
        SeedTieWithBoxes();
        await SignInAsync("lead", Roles.Lead);
        var page = Render<AdjudicationView>(p => p.Add(x => x.Sop, "9.2.0"));
        page.WaitForElement("[data-testid=adjudication-case]");

        await page.Find("[data-testid=adjudication-case]").KeyDownAsync(new KeyboardEventArgs { Key = "3" });
        await page.Find("[data-testid=reason]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Contains("Give a reason", page.Find("[data-testid=case-message]").TextContent));
        await using (var db = Database.CreateDbContext())
        {
            Assert.Empty(db.Adjudications);
        }

        page.Find("[data-testid=reason]").Input("swirl inside the clot");
        await page.Find("[data-testid=reason]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Contains("Blend sign (adjudicated", page.Find("[data-testid=gold]").TextContent));
        await using var check = Database.CreateDbContext();
        var adjudication = await check.Adjudications.SingleAsync();
        Assert.Equal((HemorrhageClass.BlendSign, "swirl inside the clot", "lead"), (adjudication.Label, adjudication.Note, adjudication.DecidedByName));
    }

    [Fact]
    public async Task Back_FromAnotherSite_GoesToTheQueueInstead()
    {
        SeedTieWithBoxes();
        await SignInAsync("lead", Roles.Lead);

        NavigateTo("/gold/slices/9.2.0?from=%2F%2Fevil.example%2Fsteal");
        var page = Render<AdjudicationView>(p => p.Add(x => x.Sop, "9.2.0"));

        Assert.Equal("/gold/adjudication", page.Find("[data-testid=back]").GetAttribute("href"));
    }
}
