using BlendSign.Data.Training;

namespace BlendSign.Web.Features.Training;

/// <summary>A run as far as its results go: they change only when the run ends again (resumed, re-stored).</summary>
public sealed record RunStamp(int RunId, TrainingRunStatus Status, DateTimeOffset? FinishedAt, int ResumeCount)
{
    public static RunStamp Of(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunStamp(run.Id, run.Status, run.FinishedAt, run.ResumeCount);
    }
}
