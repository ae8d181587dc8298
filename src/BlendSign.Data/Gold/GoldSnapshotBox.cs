using BlendSign.Data.Scans;

namespace BlendSign.Data.Gold;

/// <summary>A consensus box of a snapshot, in pixels of the original slice, with how many raters drew it.</summary>
public class GoldSnapshotBox
{
    public int Id { get; set; }
    public int GoldSnapshotId { get; set; }
    public GoldSnapshot GoldSnapshot { get; set; } = null!;
    public int SliceId { get; set; }
    public Slice Slice { get; set; } = null!;
    public double CenterX { get; set; }
    public double CenterY { get; set; }
    public double Left { get; set; }
    public double Top { get; set; }
    public double Right { get; set; }
    public double Bottom { get; set; }
    public int Support { get; set; }
}
