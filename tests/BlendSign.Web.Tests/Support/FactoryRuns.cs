using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Data.Training;
using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Support;

/// <summary>Real training runs in a <see cref="BlendSignWebFactory"/>'s app, on <see cref="TrainingData"/> (seeded once per factory).</summary>
internal static class FactoryRuns
{
    /// <summary>A completed run and one slice it predicted out of fold, with the fold that predicted it.</summary>
    public sealed record TrainedRun(int RunId, string Sop, int Fold);

    public static async Task<TrainedRun> TrainAsync(BlendSignWebFactory factory, TrainingSettings settings)
    {
        var services = factory.Services;
        var dbFactory = services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (!await db.Slices.AnyAsync())
            {
                await TrainingData.SeedAsync(db, services.GetRequiredService<SliceStore>(), scans: 2);
            }
        }

        var outcome = await services.GetRequiredService<TrainingRunner>().RunNowAsync(settings);
        Assert.Equal(TrainingRunStatus.Completed, outcome.Status);
        await using var check = await dbFactory.CreateDbContextAsync();
        var prediction = await check.SlicePredictions.Where(p => p.TrainingRunId == outcome.RunId).OrderBy(p => p.Id)
            .Select(p => new { p.Slice.SopInstanceUid, p.Fold }).FirstAsync();
        return new TrainedRun(outcome.RunId, prediction.SopInstanceUid, prediction.Fold);
    }
}
