namespace BlendSign.Data.Audit;

public enum AuditAction
{
    Create,
    Change,
    Delete,
    Adjudicate,
    Review,
}
