using BlendSign.Data.Training;

namespace BlendSign.Web.Features.Training;

/// <summary>How a run ended: its report and OOF file when completed, the error when failed; Running when a shutdown interrupted it.</summary>
public sealed record TrainingRunOutcome(
    int RunId,
    TrainingRunStatus Status,
    TrainingReport? Report,
    string? OofPredictionsPath,
    string? Error)
{
    public string? Variant { get; init; }
}
