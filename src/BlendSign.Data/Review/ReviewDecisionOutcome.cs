using BlendSign.Data.Gold;

namespace BlendSign.Data.Review;

public sealed record ReviewDecisionOutcome(int? DecisionId, GoldSnapshotSummary? Snapshot, string? Error)
{
    public bool Succeeded => Error is null;

    internal static ReviewDecisionOutcome Refused(string error) => new(null, null, error);
}
