namespace BlendSign.Data.Gold;

/// <summary>The current gold standard: every slice of the non-excluded scans, ordered by scan and slice index.</summary>
/// <param name="Raters">Every rater who labeled a slice or has one assigned, ordered by user name.</param>
public sealed record GoldStandard(IReadOnlyList<string> Raters, IReadOnlyList<SliceGold> Slices)
{
    public int Count(GoldStatus status) => Slices.Count(s => s.Decision.Status == status);
}
