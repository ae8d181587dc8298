namespace BlendSign.Data.Review;

/// <summary>A completed run that can be reviewed: its settings JSON, and the gold snapshot it trained on.</summary>
public sealed record ReviewRun(
    int RunId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int GoldSnapshotId,
    string SnapshotHash,
    DateTimeOffset SnapshotCreatedAt,
    string ConfigurationJson,
    int Predictions);
