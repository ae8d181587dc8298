namespace BlendSign.Data.Gold;

/// <summary><see cref="ContentHash"/> identifies the content: the same gold standard is never stored twice.</summary>
public class GoldSnapshot
{
    public int Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string ContentHash { get; set; }
    public required string Reason { get; set; }
    public required string CreatedByName { get; set; }

    public int SliceCount { get; set; }
    public int NonIchCount { get; set; }
    public int NormalIchCount { get; set; }
    public int BlendSignCount { get; set; }
    public int UnresolvedCount { get; set; }

    public List<GoldSnapshotEntry> Entries { get; set; } = [];
    public List<GoldSnapshotBox> Boxes { get; set; } = [];
}
