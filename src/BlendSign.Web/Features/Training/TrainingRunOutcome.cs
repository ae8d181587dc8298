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
    /// <summary>The ablation row (wce, wce_at, wce_at_skd) when the run is one.</summary>
    public string? Variant { get; init; }
}
