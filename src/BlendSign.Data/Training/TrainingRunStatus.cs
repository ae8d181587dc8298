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

public static class TrainingRunStatusExtensions
{
    /// <summary>Completed or Diverged: the run trained to its end (a diverged one may have stopped at a non-finite loss, without results).</summary>
    public static bool TrainedToTheEnd(this TrainingRunStatus status) => status is TrainingRunStatus.Completed or TrainingRunStatus.Diverged;
}
