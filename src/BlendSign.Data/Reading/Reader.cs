using BlendSign.Data.Audit;

namespace BlendSign.Data.Reading;

/// <summary>
/// Who is reading, as the reading queries need it. A radiologist sees the scans assigned to them (or to
/// everybody: a scan without assignment rows); unblinded roles (lead, reviewer, admin) may open every scan,
/// still with their own reads only. Only radiologists label and draw boxes, and only on scans assigned to them.
/// An exclusion may be set by a radiologist the scan is assigned to or by a lead.
/// </summary>
/// <param name="UserId">The Identity user id.</param>
/// <param name="UserName">The name the audit trail shows.</param>
/// <param name="IsRadiologist">May label and draw boxes on assigned scans.</param>
/// <param name="SeesAllScans">May open every scan (lead, reviewer, admin).</param>
/// <param name="IsLead">May set or clear any scan's exclusion.</param>
public sealed record Reader(string UserId, string UserName, bool IsRadiologist, bool SeesAllScans, bool IsLead)
{
    /// <summary>Where the reader's writes come from in the audit trail.</summary>
    public string Source { get; init; } = AuditSources.Ui;

    public AuditActor Actor => new(UserId, UserName, Source);

    public static Reader Radiologist(string userId, string userName) => new(userId, userName, true, false, false);
}
