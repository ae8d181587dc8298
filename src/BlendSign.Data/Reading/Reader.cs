using BlendSign.Data.Audit;

namespace BlendSign.Data.Reading;

/// <summary>
/// Unblinded roles (lead, reviewer, admin) may open every scan, still with their own reads only; only radiologists
/// label and draw boxes, and only on scans assigned to them.
/// </summary>
/// <param name="IsLead">May set or clear any scan's exclusion.</param>
public sealed record Reader(string UserId, string UserName, bool IsRadiologist, bool SeesAllScans, bool IsLead)
{
    /// <summary>Where the reader's writes come from in the audit trail.</summary>
    public string Source { get; init; } = AuditSources.Ui;

    public AuditActor Actor => new(UserId, UserName, Source);

    public static Reader Radiologist(string userId, string userName) => new(userId, userName, true, false, false);
}
