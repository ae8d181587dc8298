namespace BlendSign.Model.Review;

// SelfConfidence is the probability the model gives the gold label; Score = 1 − the gold label's threshold-adjusted
// probability, higher = more likely a wrong gold label; SuggestedLabel is null when the slice is not suspect.
public sealed record SliceReviewScore(
    string Key,
    int GoldLabel,
    int PredictedLabel,
    IReadOnlyList<double> Probabilities,
    double SelfConfidence,
    bool IsSuspect,
    int? SuggestedLabel,
    double Score,
    BoxDisagreement BoxDisagreement)
{
    public bool NeedsReview => IsSuspect || BoxDisagreement != BoxDisagreement.None;
}
