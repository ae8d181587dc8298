namespace BlendSign.Data.Audit;

public sealed record AuditTrailPage(int Total, IReadOnlyList<AuditTrailItem> Items);

public sealed record AuditTrailItem(AuditEntry Entry, string? ScanPseudonymousId);
