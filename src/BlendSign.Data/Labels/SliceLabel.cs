using BlendSign.Data.Accounts;
using BlendSign.Data.Scans;

namespace BlendSign.Data.Labels;

/// <summary>One rater's class for one slice; at most one per (slice, rater).</summary>
public class SliceLabel
{
    public int Id { get; set; }
    public int SliceId { get; set; }
    public Slice Slice { get; set; } = null!;
    public required string RaterId { get; set; }
    public ApplicationUser Rater { get; set; } = null!;
    public HemorrhageClass Label { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The blend-sign helper's two ROI means (HU) when the rater attached it to this read; both or neither.</summary>
    public double? BlendSignRoiMeanA { get; set; }

    public double? BlendSignRoiMeanB { get; set; }
}
