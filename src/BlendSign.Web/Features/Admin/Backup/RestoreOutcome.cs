namespace BlendSign.Web.Features.Admin.Backup;

/// <summary>What a restore did: the database it restored and, per file part, the files written and those already there (identical slices).</summary>
public sealed record RestoreOutcome(
    string File,
    string Provider,
    string? LastMigration,
    string? MigratedTo,
    IReadOnlyDictionary<string, BackupPart> Written,
    int SlicesKept);
