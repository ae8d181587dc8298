namespace BlendSign.Data.Audit;

/// <summary>One page of the audit trail, newest first, and how many entries match in all.</summary>
public sealed record AuditTrailPage(int Total, IReadOnlyList<AuditTrailItem> Items);

/// <summary>An audit entry as the lead reads it, with the pseudonymous id of its scan when it has one.</summary>
public sealed record AuditTrailItem(AuditEntry Entry, string? ScanPseudonymousId);
