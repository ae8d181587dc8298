namespace BlendSign.Data.Gold;

/// <summary>A stored snapshot without its rows; <see cref="Created"/> is false when equal content already existed.</summary>
public sealed record GoldSnapshotSummary(
    int Id,
    string ContentHash,
    DateTimeOffset CreatedAt,
    string Reason,
    string CreatedByName,
    int SliceCount,
    int NonIchCount,
    int NormalIchCount,
    int BlendSignCount,
    int UnresolvedCount,
    bool Created)
{
    internal static GoldSnapshotSummary From(GoldSnapshot s, bool created) => new(
        s.Id, s.ContentHash, s.CreatedAt, s.Reason, s.CreatedByName, s.SliceCount,
        s.NonIchCount, s.NormalIchCount, s.BlendSignCount, s.UnresolvedCount, created);
}
