using BlendSign.Data.Tests.Support;
using Hc = BlendSign.Data.Labels.HemorrhageClass;

namespace BlendSign.Web.Tests.Features.Review;

/// <summary>
/// Six unanimous slices (SOP 7.7.0–7.7.5) with hand-picked probabilities. Thresholds: non_ich (0.9+0.2)/2 = 0.55,
/// normal_ich (0.75+0.2)/2 = 0.475, blend_sign (0.83+0.1)/2 = 0.465. Suspect: 7.7.5 (blend_sign, p non_ich 0.6, score
/// 1 − 0.185/1.16 = 0.841), 7.7.1 (non_ich, p normal_ich 0.7, score 1 − 0.2/1.16 = 0.828), 7.7.3 (normal_ich, p blend_sign
/// 0.69, score 1 − 0.275/1.16 = 0.763): the queue in that order; no slice reaches the 0.9 bleed confidence without a box.
/// </summary>
internal static class ReviewQueueSeed
{
    public static readonly string[] QueueOrder = ["7.7.5", "7.7.1", "7.7.3"];

    public static Task<ReviewSeed.Seeded> SeedAsync(TestDatabase database) => ReviewSeed.SeedAsync(database,
    [
        ReviewSeed.Unanimous(Hc.NonIch, 0.9, 0.08, 0.02),
        ReviewSeed.Unanimous(Hc.NonIch, 0.2, 0.7, 0.1),
        ReviewSeed.Unanimous(Hc.NormalIch, 0.15, 0.75, 0.1),
        ReviewSeed.Unanimous(Hc.NormalIch, 0.11, 0.2, 0.69),
        ReviewSeed.Unanimous(Hc.BlendSign, 0.12, 0.05, 0.83),
        ReviewSeed.Unanimous(Hc.BlendSign, 0.6, 0.3, 0.1),
    ]);
}
