namespace BlendSign.Data.Audit;

// Append-only: the context refuses to update or delete rows, and SQLite triggers refuse it too.
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The acting user's id; null for the system (demo seeding, start-up).</summary>
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }

    public AuditAction Action { get; set; }
    public AuditEntity Entity { get; set; }

    /// <summary>What the entry is about in words a lead can filter on: a SOP Instance UID, a scan id, a user name.</summary>
    public required string EntityKey { get; set; }

    public int? ScanId { get; set; }
    public int? SliceId { get; set; }

    /// <summary>The rater whose read changed (may differ from the actor, e.g. a CSV import by the lead).</summary>
    public string? SubjectName { get; set; }

    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>Where the change came from: ui, csv, cli, demo, review, api.</summary>
    public required string Source { get; set; }
}
