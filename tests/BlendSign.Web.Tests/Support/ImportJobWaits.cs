using BlendSign.Web.Features.Import;

namespace BlendSign.Web.Tests.Support;

/// <summary>Waits (a minute at most) for a browser import to end, told by the jobs' own notifications.</summary>
internal static class ImportJobWaits
{
    public static async Task<ImportJob> EndedAsync(this ImportJobs jobs, ImportJob job)
    {
        var ended = new TaskCompletionSource();
        using var subscription = jobs.Subscribe(changed =>
        {
            if (changed == job && changed.State != ImportJobState.Running)
            {
                ended.TrySetResult();
            }
        });
        if (job.State == ImportJobState.Running)
        {
            await ended.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }

        return job;
    }
}
