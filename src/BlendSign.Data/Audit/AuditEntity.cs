namespace BlendSign.Data.Audit;

/// <summary>The kinds of record whose changes are audited.</summary>
public enum AuditEntity
{
    Label,
    Box,
    Exclusion,
    Assignment,
    Role,
    User,
    GoldLabel,
    GoldSnapshot,
}
