namespace BlendSign.Model.Review;

/// <summary>The scored slices in queue order: those needing review first, by descending score, then the rest.</summary>
public sealed record ReviewScoring(
    IReadOnlyList<double> Thresholds,
    IReadOnlyList<SliceReviewScore> Ranked,
    IReadOnlyList<RaterDisagreement> RaterDisagreements)
{
    public IEnumerable<SliceReviewScore> Queue => Ranked.Where(s => s.NeedsReview);
}
