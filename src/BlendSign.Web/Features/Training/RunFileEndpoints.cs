using BlendSign.Data.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Training;

/// <summary>A download, so the results page never shows where the file lies on the server. Model outputs are unblinded: lead, reviewer, admin.</summary>
public static class RunFileEndpoints
{
    public static string OofPredictionsPathOf(int runId) => FormattableString.Invariant($"/api/runs/{runId}/oof_predictions.csv");

    public static IEndpointRouteBuilder MapRunFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/runs/{runId:int}/oof_predictions.csv", GetOofPredictionsAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Review.GradCamEndpoints.Roles });
        return endpoints;
    }

    private static async Task<IResult> GetOofPredictionsAsync(
        int runId, IDbContextFactory<BlendSignDbContext> dbFactory, RunStorage storage, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.TrainingRuns.Where(r => r.Id == runId).Select(r => r.OofPredictionsPath).SingleOrDefaultAsync(cancellationToken);
        var root = Path.GetFullPath(storage.Directory) + Path.DirectorySeparatorChar;
        // Only a file under the runs folder: the column is data, not a licence to read anywhere on the server.
        if (stored is null || !Path.GetFullPath(stored).StartsWith(root, StringComparison.Ordinal) || !File.Exists(stored))
        {
            return Results.NotFound();
        }

        return Results.File(Path.GetFullPath(stored), "text/csv", $"run-{runId}-oof_predictions.csv");
    }
}
