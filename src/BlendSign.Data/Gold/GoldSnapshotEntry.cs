using BlendSign.Data.Labels;
using BlendSign.Data.Scans;

namespace BlendSign.Data.Gold;

/// <summary>One slice's gold label in a snapshot; <see cref="Label"/> is null for a tie or an incomplete read.</summary>
public class GoldSnapshotEntry
{
    public int Id { get; set; }
    public int GoldSnapshotId { get; set; }
    public GoldSnapshot GoldSnapshot { get; set; } = null!;
    public int SliceId { get; set; }
    public Slice Slice { get; set; } = null!;
    public HemorrhageClass? Label { get; set; }
    public GoldStatus Status { get; set; }
    public int Votes { get; set; }
}
