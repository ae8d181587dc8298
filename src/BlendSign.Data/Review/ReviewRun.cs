namespace BlendSign.Data.Review;

public sealed record ReviewRun(
    int RunId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int GoldSnapshotId,
    string SnapshotHash,
    DateTimeOffset SnapshotCreatedAt,
    string ConfigurationJson,
    int Predictions);
