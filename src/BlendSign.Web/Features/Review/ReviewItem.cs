using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Model.Review;

namespace BlendSign.Web.Features.Review;

/// <summary>One queued slice: its place in the queue (1 = most likely a wrong gold label), the data and the score.</summary>
public sealed record ReviewItem(int Rank, ReviewSlice Slice, SliceReviewScore Score)
{
    public HemorrhageClass ModelLabel => (HemorrhageClass)Score.PredictedLabel;

    public HemorrhageClass? SuggestedLabel => Score.SuggestedLabel is { } s ? (HemorrhageClass)s : null;
}

/// <summary>How often one rater disagrees with both the gold label and the model over the run's slices.</summary>
public sealed record RaterDisagreementCount(string Rater, int Slices);

/// <summary>Slices decided since the run's snapshot are left out unless asked for.</summary>
public sealed record ReviewQueue(
    ReviewRun Run,
    IReadOnlyList<string> Raters,
    IReadOnlyList<double> Thresholds,
    IReadOnlyList<ReviewItem> Items,
    int Scored,
    int Decided,
    IReadOnlyList<RaterDisagreementCount> RaterDisagreements)
{
    /// <summary>Below this out-of-fold macro AUC the page warns that the model's disagreements are mostly its own errors.</summary>
    public const double WeakModelAuc = 0.75;

    /// <summary>The mean one-vs-rest AUC of the run's out-of-fold predictions against its gold labels (0.5: chance).</summary>
    public double? MacroAuc { get; init; }

    public bool WeakModel => MacroAuc is < WeakModelAuc;

    /// <summary>Why the run's model is no better than chance (see ChanceLevel); the page asks before queueing from it.</summary>
    public IReadOnlyList<string> ChanceFindings { get; init; } = [];
}
