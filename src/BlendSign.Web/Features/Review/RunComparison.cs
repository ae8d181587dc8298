using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Model.Metrics;

namespace BlendSign.Web.Features.Review;

/// <summary>One class in two runs; <see cref="Delta"/> is after − before (null where either is undefined).</summary>
public sealed record ClassComparison(HemorrhageClass Class, ClassMetrics Before, ClassMetrics After)
{
    public static double? Delta(double? before, double? after) => before is { } b && after is { } a ? a - b : null;
}

/// <summary>
/// Two runs compared: per-class metrics of each against the gold labels it trained on (<see cref="Classes"/>), the same
/// for both against the later run's gold labels on the slices both predicted (<see cref="OnAfterGold"/>: one yardstick,
/// so a label the review corrected counts alike for both), and the gold labels changed between their snapshots.
/// </summary>
public sealed record RunComparison(
    ReviewRun Before,
    ReviewRun After,
    IReadOnlyList<ClassComparison> Classes,
    IReadOnlyList<ClassComparison> OnAfterGold,
    int CommonSlices,
    IReadOnlyList<SnapshotChange> Changes)
{
    /// <summary>How many slices went from one label to another (null = no gold label / not in the snapshot), most first.</summary>
    public IReadOnlyList<(HemorrhageClass? From, HemorrhageClass? To, int Count)> ChangeCounts =>
        Changes.GroupBy(c => (c.From, c.To))
            .Select(g => (g.Key.From, g.Key.To, g.Count()))
            .OrderByDescending(c => c.Item3).ThenBy(c => c.From).ThenBy(c => c.To)
            .ToList();
}
