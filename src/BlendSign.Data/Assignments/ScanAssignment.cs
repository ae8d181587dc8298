using BlendSign.Data.Accounts;
using BlendSign.Data.Scans;

namespace BlendSign.Data.Assignments;

/// <summary>A scan without any assignment row goes to every radiologist (the study's default: all three read everything).</summary>
public class ScanAssignment
{
    public int Id { get; set; }
    public int ScanId { get; set; }
    public Scan Scan { get; set; } = null!;
    public required string RaterId { get; set; }
    public ApplicationUser Rater { get; set; } = null!;
    public DateTimeOffset AssignedAt { get; set; }
}
