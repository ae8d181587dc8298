namespace BlendSign.Data.Audit;

/// <summary>Every part is optional; text filters match anywhere, ignoring case; From and To are inclusive instants.</summary>
/// <param name="Key">Matches the entry's key (a SOP Instance UID, a scan's pseudonymous id, a user name) or its scan's pseudonymous id.</param>
public sealed record AuditFilter(
    AuditEntity? Entity = null,
    string? Actor = null,
    string? Subject = null,
    string? Key = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);
