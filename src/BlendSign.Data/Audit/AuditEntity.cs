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
}
