using BlendSign.Data.Gold;

namespace BlendSign.Data.Review;

/// <summary>
/// The result of a reviewer's decision (or of undoing one): the decision's id and the gold snapshot the gold standard
/// now has; or why nothing was recorded.
/// </summary>
public sealed record ReviewDecisionOutcome(int? DecisionId, GoldSnapshotSummary? Snapshot, string? Error)
{
    public bool Succeeded => Error is null;

    internal static ReviewDecisionOutcome Refused(string error) => new(null, null, error);
}
