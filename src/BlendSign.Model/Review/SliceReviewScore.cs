namespace BlendSign.Model.Review;

/// <summary>
/// The review verdict for one slice. <see cref="SelfConfidence"/> is the probability the model gives the gold label;
/// <see cref="Score"/> = 1 − the gold label's threshold-adjusted probability (<see cref="ConfidentLearning.Adjusted"/>),
/// higher = more likely a wrong gold label. <see cref="SuggestedLabel"/>
/// is the most probable other class that clears its threshold (null when the slice is not suspect).
/// </summary>
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
    /// <summary>Whether the slice belongs in the review queue: a suspect label or a box disagreement.</summary>
    public bool NeedsReview => IsSuspect || BoxDisagreement != BoxDisagreement.None;
}
