namespace BlendSign.Data.Gold;

/// <param name="Raters">Rater names in the order of <see cref="DawidSkeneResult.Confusions"/>.</param>
/// <param name="Slices">Slices with at least one read: the ones both aggregations saw.</param>
public sealed record AggregationComparison(
    IReadOnlyList<string> Raters,
    int Slices,
    DawidSkeneResult DawidSkene,
    IReadOnlyList<AggregationDifference> Differences);
