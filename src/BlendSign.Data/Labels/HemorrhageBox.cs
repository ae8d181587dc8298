using BlendSign.Data.Accounts;
using BlendSign.Data.Scans;

namespace BlendSign.Data.Labels;

/// <summary>One rater's box and center for one hemorrhage, in pixels of the original slice.</summary>
public class HemorrhageBox
{
    public int Id { get; set; }
    public int SliceId { get; set; }
    public Slice Slice { get; set; } = null!;
    public required string RaterId { get; set; }
    public ApplicationUser Rater { get; set; } = null!;
    public double CenterX { get; set; }
    public double CenterY { get; set; }
    public double Left { get; set; }
    public double Top { get; set; }
    public double Right { get; set; }
    public double Bottom { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
