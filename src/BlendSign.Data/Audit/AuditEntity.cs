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
    Import,
    TrainingRun,

    /// <summary>A blend-sign measurement attached to a rater's read.</summary>
    Measurement,
}
