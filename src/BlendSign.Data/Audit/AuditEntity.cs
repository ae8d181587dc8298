namespace BlendSign.Data.Audit;

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

    /// <summary>A blend-sign measurement attached to a rater's read.</summary>
    Measurement,
}
