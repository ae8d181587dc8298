using BlendSign.Data.Labels;
using BlendSign.Data.Scans;

namespace BlendSign.Data.Gold;

/// <summary>A lead settling a tie, or a reviewer changing a gold label: at most one per slice (the latest), each change audited.</summary>
public class Adjudication
{
    public int Id { get; set; }
    public int SliceId { get; set; }
    public Slice Slice { get; set; } = null!;
    public HemorrhageClass Label { get; set; }
    public required string DecidedById { get; set; }
    public required string DecidedByName { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>Why: required for a reviewer's change, optional for a lead settling a tie.</summary>
    public string? Note { get; set; }
}
