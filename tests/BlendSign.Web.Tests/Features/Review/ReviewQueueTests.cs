using System.Text.Json;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Data.Tests.Support;
using BlendSign.Data.Training;
using BlendSign.Model.Training;
using BlendSign.Web.Features.Review;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Review;

public class ReviewQueueTests : BlendSignComponentTest
{
    private ReviewSeed.Seeded _seed = null!;

    public ReviewQueueTests()
    {
        Services.AddReviewPageServices(Database.Paths);
    }

    private async Task<IRenderedComponent<ReviewQueuePage>> OpenAsync()
    {
        _seed = await ReviewQueueSeed.SeedAsync(Database);
        await SignInAsync("reviewer-ui", Roles.Reviewer);
        var page = Render<ReviewQueuePage>();
        page.WaitForElement("[data-testid=review-case]");
        return page;
    }

    private static string CurrentSop(IRenderedComponent<ReviewQueuePage> page) =>
        page.Find("[data-testid=review-case]").GetAttribute("data-sop")!;

    // Each event is raised inside the renderer's context: the page renders again when a load finishes, and a render
    // between finding an element and raising its event would leave the handler found stale (a CI run saw that).
    private static Task PressAsync(IRenderedComponent<ReviewQueuePage> page, string key) =>
        page.InvokeAsync(() => page.Find("[data-testid=review-case]").KeyDownAsync(new KeyboardEventArgs { Key = key }));

    private static Task TypeReasonAsync(IRenderedComponent<ReviewQueuePage> page, string reason) =>
        page.InvokeAsync(() => page.Find("[data-testid=review-reason]").Input(reason));

    private static Task EnterReasonAsync(IRenderedComponent<ReviewQueuePage> page) =>
        page.InvokeAsync(() => page.Find("[data-testid=review-reason]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" }));

    [Fact]
    public async Task Keys_KeepRereadAndChangeWithReason_RecordEachAndMoveOnUntilEmpty()
    {
        var page = await OpenAsync();
        Assert.Equal(ReviewQueueSeed.QueueOrder[0], CurrentSop(page));
        Assert.Equal(3, page.FindAll("[data-testid=review-list] button").Count);
        Assert.Contains("blend_sign", page.Find("[data-testid=review-gold]").TextContent);
        Assert.Contains("unanimous, 3 of 3 votes", page.Find("[data-testid=review-gold]").TextContent);
        // One row per rater, then the consensus and the model rows.
        Assert.Equal(3, page.FindAll("[data-testid=review-reads] tr span.swatch").Count - 2);
        Assert.Contains("suggested: non_ich", page.Find("[data-testid=review-suggestion]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=review-legend] kbd"));

        await PressAsync(page, "k");
        page.WaitForAssertion(() => Assert.Equal(ReviewQueueSeed.QueueOrder[1], CurrentSop(page)));
        await PressAsync(page, "R");
        page.WaitForAssertion(() => Assert.Equal(ReviewQueueSeed.QueueOrder[2], CurrentSop(page)));
        await PressAsync(page, "c");
        await PressAsync(page, "3");
        await TypeReasonAsync(page, "two densities with a margin");
        await EnterReasonAsync(page);

        page.WaitForElement("[data-testid=review-empty]");
        await using var db = Database.CreateDbContext();
        var decisions = await db.ReviewDecisions.Include(d => d.Slice).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([ReviewOutcome.Keep, ReviewOutcome.Reread, ReviewOutcome.Change], decisions.Select(d => d.Outcome));
        Assert.Equal(ReviewQueueSeed.QueueOrder, decisions.Select(d => d.Slice.SopInstanceUid));
        Assert.Equal((HemorrhageClass.BlendSign, "two densities with a margin"), (decisions[2].NewLabel!.Value, decisions[2].Reason));
        Assert.Equal(HemorrhageClass.BlendSign, (await db.Adjudications.SingleAsync()).Label);
    }

    [Fact]
    public async Task ChangeKeys_EnterWithoutReason_RefusedAndNothingSaved()
    {
        var page = await OpenAsync();

        await PressAsync(page, "c");
        await PressAsync(page, "2");
        await EnterReasonAsync(page);

        Assert.Contains("needs a reason", page.Find("[data-testid=review-message]").TextContent);
        Assert.Equal(ReviewQueueSeed.QueueOrder[0], CurrentSop(page));
        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.ReviewDecisions.ToListAsync());
    }

    [Fact]
    public async Task ChangeKeys_EscapeThenKeep_CancelsTheChangeAndKeeps()
    {
        var page = await OpenAsync();

        await PressAsync(page, "c");
        await PressAsync(page, "Escape");
        Assert.Empty(page.FindAll("[data-testid=review-change-panel]"));
        await PressAsync(page, "1");
        await PressAsync(page, "k");

        page.WaitForAssertion(() => Assert.Equal(ReviewQueueSeed.QueueOrder[1], CurrentSop(page)));
        await using var db = Database.CreateDbContext();
        Assert.Equal(ReviewOutcome.Keep, (await db.ReviewDecisions.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task KeyU_AfterKeep_UndoesAndTheSliceIsBack()
    {
        var page = await OpenAsync();

        await PressAsync(page, "k");
        page.WaitForAssertion(() => Assert.Equal(ReviewQueueSeed.QueueOrder[1], CurrentSop(page)));
        await PressAsync(page, "u");

        page.WaitForAssertion(() => Assert.Equal(ReviewQueueSeed.QueueOrder[0], CurrentSop(page)));
        Assert.Equal(3, page.FindAll("[data-testid=review-list] button").Count);
        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.ReviewDecisions.ToListAsync());
    }

    [Fact]
    public async Task KeysWAndG_CycleTheWindowAndShowGradCam()
    {
        var page = await OpenAsync();

        await PressAsync(page, "w");
        await PressAsync(page, "g");

        Assert.Equal("window: brain", page.Find("[data-testid=review-window]").TextContent);
        Assert.Equal($"/api/runs/{_seed.RunId}/gradcam/7.7.5", page.Find("[data-testid=slice-overlay]").GetAttribute("src"));
    }

    [Fact]
    public async Task ModelRow_RunWithoutFoldModels_SaysWhyThereAreNoBoxes_AndKeyMHidesTheModelsBoxes()
    {
        var page = await OpenAsync();

        // The seeded run has predictions but kept no fold model (slice 7.7.5 was predicted by fold 5 % 3 = 2).
        page.WaitForAssertion(() => Assert.Contains($"Run {_seed.RunId} kept no model for fold 2.", page.Find("[data-testid=review-model-boxes]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=dashed-box]"));
        Assert.True(page.Find("[data-testid=model-boxes-toggle]").HasAttribute("checked"));

        await PressAsync(page, "m");

        Assert.False(page.Find("[data-testid=model-boxes-toggle]").HasAttribute("checked"));
        Assert.Contains(page.FindAll("[data-testid=review-legend] tr"), row => row.TextContent.Contains("the model's boxes on / off"));
    }

    [Fact]
    public async Task Open_RunAtChanceLevel_SaysSoAndShowsTheQueueOnlyAfterTheReviewerConfirms()
    {
        // A model that calls every slice non_ich whatever it shows.
        _seed = await ReviewSeed.SeedAsync(Database,
        [
            ReviewSeed.Unanimous(HemorrhageClass.NonIch, 0.9, 0.05, 0.05),
            ReviewSeed.Unanimous(HemorrhageClass.NormalIch, 0.9, 0.05, 0.05),
            ReviewSeed.Unanimous(HemorrhageClass.NormalIch, 0.9, 0.05, 0.05),
            ReviewSeed.Unanimous(HemorrhageClass.BlendSign, 0.9, 0.05, 0.05),
        ]);
        await SignInAsync("reviewer-ui", Roles.Reviewer);

        var page = Render<ReviewQueuePage>();

        page.WaitForElement("[data-testid=chance-level]");
        Assert.Contains("It predicts non_ich for 100.0 % of the slices (4 of 4).", page.Find("[data-testid=chance-level]").TextContent);
        Assert.Contains("It finds none of the 1 blend_sign slices (sensitivity 0).", page.Find("[data-testid=chance-level]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=review-case]"));
        page.Find("[data-testid=review-held]");

        await page.InvokeAsync(() => page.Find("[data-testid=chance-confirm] button, button[data-testid=chance-confirm]").ClickAsync(new MouseEventArgs()));

        page.WaitForElement("[data-testid=review-case]");
        Assert.Empty(page.FindAll("[data-testid=chance-confirm]"));
    }

    [Fact]
    public async Task Retrain_FewerGoldScansThanFolds_RefusedWithTheReasonAndNoRun()
    {
        var page = await OpenAsync();

        await page.InvokeAsync(() => page.Find("[data-testid=retrain] button, button[data-testid=retrain]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Contains("Not queued: 3 folds need at least 3 scans with gold-labelled slices, and the gold standard has 1.",
            page.Find("[data-testid=review-message]").TextContent));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.TrainingRuns.CountAsync());
    }

    [Fact]
    public async Task Retrain_QueuesARunWithTheSameSettingsAndFoldsOnTheCurrentGold()
    {
        var page = await OpenAsync();
        // The seeded run's scan alone cannot fill 3 folds: two more read scans make the retrain possible.
        foreach (var root in new[] { "8.8", "9.9" })
        {
            RatingSeed.AddScan(Database, root, 1);
            foreach (var rater in new[] { "rater1", "rater2", "rater3" })
            {
                RatingSeed.AddLabel(Database, _seed.Users[rater], $"{root}.0", HemorrhageClass.NonIch);
            }
        }

        await PressAsync(page, "c");
        await PressAsync(page, "1");
        await TypeReasonAsync(page, "no bleed");
        await EnterReasonAsync(page);
        // The change is saved asynchronously and the page renders again: click the retrain button of that render.
        await WaitForDecisionsAsync(1);

        await page.InvokeAsync(() => page.Find("[data-testid=retrain] button, button[data-testid=retrain]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Contains("Queued run", page.Find("[data-testid=review-message]").TextContent));
        await using var db = Database.CreateDbContext();
        var runs = await db.TrainingRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.Equal(TrainingRunStatus.Queued, runs[1].Status);
        Assert.NotEqual(runs[0].GoldSnapshotId, runs[1].GoldSnapshotId);
        var before = JsonSerializer.Deserialize<TrainingSettings>(runs[0].ConfigurationJson, TrainingJson.Options);
        var after = JsonSerializer.Deserialize<TrainingSettings>(runs[1].ConfigurationJson, TrainingJson.Options);
        Assert.Equal((before!.Folds, before.Epochs, before.ImageSize, before.Seed), (after!.Folds, after.Epochs, after.ImageSize, after.Seed));
        Assert.Equal(runs[0].Id, after.FoldsFromRun);
        var reviewed = await db.GoldSnapshotEntries.SingleAsync(e => e.GoldSnapshotId == runs[1].GoldSnapshotId && e.Slice.SopInstanceUid == "7.7.5");
        Assert.Equal(HemorrhageClass.NonIch, reviewed.Label);
        var audited = await db.AuditEntries.SingleAsync(e => e.Entity == AuditEntity.TrainingRun && e.EntityKey == runs[1].Id.ToString());
        Assert.Equal(("reviewer-ui", AuditSources.Review), (audited.ActorName, audited.Source));

        // A second click on the same gold standard queues nothing more.
        await page.InvokeAsync(() => page.Find("[data-testid=retrain] button, button[data-testid=retrain]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Contains($"you queued run {runs[1].Id} on this gold standard already",
            page.Find("[data-testid=review-message]").TextContent));
        Assert.Equal(2, await db.TrainingRuns.CountAsync());
    }

    private async Task WaitForDecisionsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = Database.CreateDbContext();
            if (await db.ReviewDecisions.CountAsync() >= count || DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(50);
        }
    }
}
