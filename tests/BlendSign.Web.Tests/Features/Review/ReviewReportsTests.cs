using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Data.Training;
using BlendSign.Web.Features.Review;
using BlendSign.Web.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Review;

/// <summary>The comparison of a run with its retraining on the reviewed gold standard, and the rater feedback page.</summary>
public class ReviewReportsTests : BlendSignComponentTest
{
    public ReviewReportsTests()
    {
        Services.AddReviewPageServices(Database.Paths);
    }

    /// <summary>Run 1, a reviewer's change of 7.7.5 from blend_sign to non_ich, and run 2 on the reviewed snapshot predicting every slice right.</summary>
    private async Task<(int Before, int After)> SeedTwoRunsAsync()
    {
        var seed = await ReviewQueueSeed.SeedAsync(Database);
        var reviewer = new AuditActor(seed.Users["reviewer"], "reviewer", AuditSources.Review);
        var changed = await Services.GetRequiredService<ReviewDecisionService>()
            .ChangeAsync(seed.RunId, seed.SliceIds[5], HemorrhageClass.NonIch, "no bleed", reviewer);
        await using var db = Database.CreateDbContext();
        var entries = await db.GoldSnapshotEntries.Where(e => e.GoldSnapshotId == changed.Snapshot!.Id).ToListAsync();
        var run = new TrainingRun
        {
            Status = TrainingRunStatus.Completed,
            ConfigurationJson = (await db.TrainingRuns.SingleAsync()).ConfigurationJson,
            GoldSnapshotId = changed.Snapshot!.Id,
            CreatedAt = DateTimeOffset.UtcNow,
            Predictions = entries.Select(e => new SlicePrediction
            {
                SliceId = e.SliceId,
                GoldLabel = e.Label!.Value,
                PNonIch = e.Label == HemorrhageClass.NonIch ? 0.8 : 0.1,
                PNormalIch = e.Label == HemorrhageClass.NormalIch ? 0.8 : 0.1,
                PBlendSign = e.Label == HemorrhageClass.BlendSign ? 0.8 : 0.1,
            }).ToList(),
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        return (seed.RunId, run.Id);
    }

    [Fact]
    public async Task CompareAsync_RetrainedRun_MetricsSideBySideAndTheChangedLabel()
    {
        var (before, after) = await SeedTwoRunsAsync();

        var comparison = await Services.GetRequiredService<ReviewQueueService>().CompareAsync(before, after);

        var change = Assert.Single(comparison!.Changes);
        Assert.Equal(("7.7.5", (HemorrhageClass?)HemorrhageClass.BlendSign, (HemorrhageClass?)HemorrhageClass.NonIch), (change.SopInstanceUid, change.From, change.To));
        Assert.Equal([(HemorrhageClass.BlendSign, HemorrhageClass.NonIch, 1)], comparison.ChangeCounts.Select(c => (c.From!.Value, c.To!.Value, c.Count)));
        var blend = comparison.Classes.Single(c => c.Class == HemorrhageClass.BlendSign);
        // Run 1: blend_sign gold 7.7.4 (argmax blend) and 7.7.5 (argmax non_ich): sensitivity 1/2. Run 2: every slice right.
        Assert.Equal(0.5, blend.Before.Sensitivity!.Value, 9);
        Assert.Equal(1.0, blend.After.Sensitivity!.Value, 9);
        Assert.Equal(0.5, ClassComparison.Delta(blend.Before.Sensitivity, blend.After.Sensitivity)!.Value, 9);

        // Against run 2's (reviewed) gold: blend_sign is 7.7.4 alone, which run 1 got right too; non_ich is 7.7.0, 7.7.1
        // and 7.7.5, of which run 1 calls 7.7.0 and 7.7.5 non_ich (2/3; against its own gold 7.7.0 of 7.7.0 and 7.7.1).
        Assert.Equal(6, comparison.CommonSlices);
        var blendOnReviewed = comparison.OnAfterGold.Single(c => c.Class == HemorrhageClass.BlendSign);
        Assert.Equal((1.0, 1.0), (blendOnReviewed.Before.Sensitivity!.Value, blendOnReviewed.After.Sensitivity!.Value));
        var nonIch = comparison.Classes.Single(c => c.Class == HemorrhageClass.NonIch);
        var nonIchOnReviewed = comparison.OnAfterGold.Single(c => c.Class == HemorrhageClass.NonIch);
        Assert.Equal(0.5, nonIch.Before.Sensitivity!.Value, 9);
        Assert.Equal(2 / 3.0, nonIchOnReviewed.Before.Sensitivity!.Value, 9);
        Assert.Equal(1.0, nonIchOnReviewed.After.Sensitivity!.Value, 9);
    }

    [Fact]
    public async Task RunComparisonPage_TwoRuns_ShowsDeltasAndChanges()
    {
        await SignInAsync("lead-ui", Roles.Lead);
        var (before, after) = await SeedTwoRunsAsync();

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"review/compare?before={before}&after={after}");
        var page = Render<RunComparisonPage>();

        page.WaitForElement("[data-testid=compare-metrics]");
        Assert.Contains("+0.500", page.Find("[data-testid=compare-metrics-blend_sign]").TextContent);
        Assert.Contains("+0.333", page.Find("[data-testid=compare-same-gold-non_ich]").TextContent);
        Assert.Contains("on the 6 slices both predicted", page.Find("[data-testid=compare-same-gold-caption]").TextContent);
        Assert.Contains("7.7.5", page.Find("[data-testid=compare-changes]").TextContent);
    }

    [Fact]
    public async Task RaterFeedbackPage_AfterAChange_CountsTheRatersErrorsAgainstTheReviewedGold()
    {
        await SignInAsync("lead-ui", Roles.Lead);
        await SeedTwoRunsAsync();

        var page = Render<RaterFeedbackPage>();

        page.WaitForElement("[data-testid=feedback-rater1]");
        Assert.Contains("calls no ICH blend sign: 1", page.Find("[data-testid=feedback-errors-rater1]").TextContent);
        Assert.Contains("6 reads, 1 differ from gold", page.Find("[data-testid=feedback-rater2]").TextContent);
    }
}
