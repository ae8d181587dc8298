namespace BlendSign.Data.Gold;

public sealed record AdjudicationOutcome(GoldSnapshotSummary? Snapshot, string? Error)
{
    public bool Succeeded => Error is null;

    internal static AdjudicationOutcome Refused(string error) => new(null, error);
}
