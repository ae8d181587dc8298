namespace BlendSign.Data.Gold;

/// <summary>The result of deciding or withdrawing an adjudication: the snapshot the gold standard now has, or why nothing changed.</summary>
public sealed record AdjudicationOutcome(GoldSnapshotSummary? Snapshot, string? Error)
{
    public bool Succeeded => Error is null;

    internal static AdjudicationOutcome Refused(string error) => new(null, error);
}
