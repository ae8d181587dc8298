using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Data.Tests.Support;
using BlendSign.Data.Training;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlendSign.Web.Tests.Features.Training;

/// <summary>A run killed mid-fold resumes after a restart and finishes with the same folds (issue 5).</summary>
public sealed class TrainingResumeTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Worker_HostStoppedInFoldTwo_NextHostResumesThereWithTheSameFoldsAndPredictions()
    {
        int runId;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var first = new TrainingHost(_database))
        {
            var services = first.Services;
            await using (var db = await services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync())
            {
                await TrainingData.SeedAsync(db, services.GetRequiredService<SliceStore>(), scans: 6);
            }

            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var subscription = services.GetRequiredService<TrainingProgressNotifier>().Subscribe(update =>
            {
                if (update.Progress is { Stage: TrainingStage.EpochCompleted, Fold: 2, Epoch: 1 })
                {
                    reached.TrySetResult();
                    // Hold the training thread (this handler runs on it) until the host stops, so the stop lands in fold 2's second epoch.
                    stopping.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
                    Thread.Sleep(TimeSpan.FromSeconds(1.5));
                }
            });
            runId = await services.GetRequiredService<TrainingRunQueue>().QueueAsync(TinyTraining.Resumable);
            await reached.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }

        var checkpoints = RunFolder.Of(_database.Paths.Runs, runId).Checkpoints;
        Assert.True(File.Exists(Path.Combine(checkpoints, "fold-1", "result.json")));
        Assert.False(File.Exists(Path.Combine(checkpoints, "fold-2", "result.json")));
        Assert.Equal(new ResumePoint(2, 0, 1, 1), CrossValidator.FindResumePoint(checkpoints, TinyTraining.Resumable.Folds));

        await using var second = new TrainingHost(_database);
        var dbFactory = second.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>();
        var run = await WaitForEndAsync(dbFactory, runId);

        Assert.Equal(TrainingRunStatus.Completed, run.Status);
        Assert.Equal(1, run.ResumeCount);
        var note = Assert.Single(second.Services.GetRequiredService<RunHistoryStore>().Get(runId).Resumes);
        Assert.Equal("resumed after a restart at fold 2 epoch 2", note.Describe());

        // An uninterrupted run of the same settings on the same gold standard: same folds, same predictions.
        var reference = await second.Services.GetRequiredService<TrainingRunner>().RunNowAsync(TinyTraining.Resumable);
        Assert.Equal(TrainingRunStatus.Completed, reference.Status);
        await using var db2 = await dbFactory.CreateDbContextAsync();
        await TinyTraining.AssertSamePredictionsAsync(db2, reference.RunId, runId);
    }

    private static async Task<TrainingRun> WaitForEndAsync(IDbContextFactory<BlendSignDbContext> dbFactory, int runId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            if (run.Status is TrainingRunStatus.Completed or TrainingRunStatus.Failed or TrainingRunStatus.Cancelled || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(250);
        }
    }

    public void Dispose()
    {
        _database.Dispose();
    }
}
