using BlendSign.Data.Labels;
using BlendSign.Model.Review;

namespace BlendSign.Web.Features.Review;

internal sealed record ReviewListJson(
    int RunId,
    int GoldSnapshotId,
    IReadOnlyDictionary<string, double?> Thresholds,
    int Queued,
    int Decided,
    IReadOnlyList<ReviewListJson.Item> Items)
{
    public static ReviewListJson From(ReviewQueue queue, IReadOnlyList<ReviewItem> items) => new(
        queue.Run.RunId,
        queue.Run.GoldSnapshotId,
        ByClass(queue.Thresholds.Select(t => double.IsFinite(t) ? t : (double?)null).ToList()),
        queue.Items.Count,
        queue.Decided,
        items.Select(i => new Item(
            i.Rank,
            i.Slice.SopInstanceUid,
            i.Slice.ScanPseudonym,
            i.Slice.SliceIndex,
            i.Slice.GoldLabel.ToWireName(),
            Data.Gold.GoldStatusNames.ToWireName(i.Slice.GoldStatus),
            i.ModelLabel.ToWireName(),
            i.SuggestedLabel?.ToWireName(),
            ByClass(i.Score.Probabilities.Select(p => (double?)p).ToList()),
            i.Score.Score,
            BoxFlag(i.Score.BoxDisagreement),
            queue.Raters.ToDictionary(r => r, r => i.Slice.Reads.FirstOrDefault(x => x.Rater == r)?.Label?.ToWireName()))).ToList());

    public static string BoxFlag(BoxDisagreement flag) => flag switch
    {
        BoxDisagreement.PredictedBleedWithoutBox => "bleed_without_box",
        BoxDisagreement.BoxWithoutPredictedBleed => "box_without_bleed",
        _ => "none",
    };

    private static Dictionary<string, double?> ByClass(IReadOnlyList<double?> values) =>
        HemorrhageClassNames.All.ToDictionary(c => c.ToWireName(), c => values[(int)c]);

    internal sealed record Item(
        int Rank,
        string SopInstanceUid,
        string ScanId,
        int SliceIndex,
        string GoldLabel,
        string GoldStatus,
        string ModelLabel,
        string? SuggestedLabel,
        IReadOnlyDictionary<string, double?> Probabilities,
        double Score,
        string BoxDisagreement,
        IReadOnlyDictionary<string, string?> Raters);
}
