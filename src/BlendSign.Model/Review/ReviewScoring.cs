namespace BlendSign.Model.Review;

/// <summary>
/// The scored slices in queue order (those needing review first, by descending score; then the rest), the
/// per-class thresholds used, and each rater's disagreements with both the gold label and the model.
/// </summary>
public sealed record ReviewScoring(
    IReadOnlyList<double> Thresholds,
    IReadOnlyList<SliceReviewScore> Ranked,
    IReadOnlyList<RaterDisagreement> RaterDisagreements)
{
    public IEnumerable<SliceReviewScore> Queue => Ranked.Where(s => s.NeedsReview);
}
