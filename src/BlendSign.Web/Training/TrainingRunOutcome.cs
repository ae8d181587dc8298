using BlendSign.Data.Training;

namespace BlendSign.Web.Training;

/// <summary>How a run ended: its report and OOF file when completed, the error when failed.</summary>
public sealed record TrainingRunOutcome(
    int RunId,
    TrainingRunStatus Status,
    TrainingReport? Report,
    string? OofPredictionsPath,
    string? Error);
