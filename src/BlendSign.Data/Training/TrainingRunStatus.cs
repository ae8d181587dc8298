namespace BlendSign.Data.Training;

public enum TrainingRunStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Cancelled = 4,

    /// <summary>Trained, but the training or its outputs failed a guard (non-finite or exploding, constant or saturated): not a model to trust.</summary>
    Diverged = 5,
}
