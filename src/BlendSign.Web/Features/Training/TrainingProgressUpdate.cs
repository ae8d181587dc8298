using BlendSign.Data.Training;
using BlendSign.Model.Training;

namespace BlendSign.Web.Features.Training;

/// <summary>A run's progress (null at its start and end) and status, as the training page receives it.</summary>
public sealed record TrainingProgressUpdate(int RunId, TrainingRunStatus Status, TrainingProgress? Progress, string Message);
