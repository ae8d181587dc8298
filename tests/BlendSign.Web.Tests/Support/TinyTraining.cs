using BlendSign.Data.Persistence;
using BlendSign.Data.Training;
using BlendSign.Model.Training;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Support;

/// <summary>Real training runs small enough for the test suite, and the check that a resumed run equals an uninterrupted one.</summary>
internal static class TinyTraining
{
    /// <summary>Two folds, one epoch, 32 px, the tiny CNN with AT and SKD: a whole run in seconds.</summary>
    public static readonly TrainingSettings Quick = new()
    {
        Folds = 2,
        Backbone = "tiny_cnn",
        Epochs = 1,
        ImageSize = 32,
        BatchSize = 4,
        Seed = 5,
        Threads = 1,
    };

    /// <summary>Three folds of two epochs without AT or SKD: room to stop a run inside fold 2 and resume it there.</summary>
    public static readonly TrainingSettings Resumable = new()
    {
        Folds = 3,
        Epochs = 2,
        ImageSize = 32,
        BatchSize = 4,
        Backbone = "tiny_cnn",
        Detection = false,
        Distillation = false,
        Seed = 11,
        Threads = 1,
    };

    /// <summary>The two runs put every slice in the same fold and predicted the same probabilities (to 6 digits).</summary>
    public static async Task AssertSamePredictionsAsync(BlendSignDbContext db, int uninterruptedRunId, int resumedRunId)
    {
        var uninterrupted = await PredictionsAsync(db, uninterruptedRunId);
        var resumed = await PredictionsAsync(db, resumedRunId);
        Assert.Equal(uninterrupted.Select(p => (p.SliceId, p.Fold)), resumed.Select(p => (p.SliceId, p.Fold)));
        Assert.All(uninterrupted.Zip(resumed), pair =>
        {
            Assert.Equal(pair.First.PNonIch, pair.Second.PNonIch, 6);
            Assert.Equal(pair.First.PBlendSign, pair.Second.PBlendSign, 6);
        });
    }

    private static Task<List<SlicePrediction>> PredictionsAsync(BlendSignDbContext db, int runId) =>
        db.SlicePredictions.AsNoTracking().Where(p => p.TrainingRunId == runId).OrderBy(p => p.SliceId).ToListAsync();
}
