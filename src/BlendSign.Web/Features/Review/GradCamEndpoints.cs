using BlendSign.Data.Labels;
using Microsoft.AspNetCore.Authorization;

namespace BlendSign.Web.Features.Review;

/// <summary>Default class: the predicted one. Model outputs are unblinded: lead, reviewer, admin; radiologists get 403.</summary>
public static class GradCamEndpoints
{
    public const string Roles = BlendSign.Data.Accounts.Roles.Lead + "," + BlendSign.Data.Accounts.Roles.Reviewer + "," + BlendSign.Data.Accounts.Roles.Admin;

    public static string PathOf(int runId, string sopInstanceUid) =>
        FormattableString.Invariant($"/api/runs/{runId}/gradcam/{Uri.EscapeDataString(sopInstanceUid)}");

    public static IEndpointRouteBuilder MapGradCamEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/runs/{runId:int}/gradcam/{sopInstanceUid}", GetAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles })
            .WithName("GradCam");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(
        int runId, string sopInstanceUid, string? @class, HttpContext http, GradCamService gradCam, CancellationToken cancellationToken)
    {
        HemorrhageClass? target = null;
        if (!string.IsNullOrEmpty(@class))
        {
            if (!HemorrhageClassNames.TryParse(@class, out var parsed))
            {
                return Results.Text("Unknown class. Use non_ich, normal_ich or blend_sign.", statusCode: StatusCodes.Status400BadRequest);
            }

            target = parsed;
        }

        var image = await gradCam.RenderAsync(runId, sopInstanceUid, target, cancellationToken);
        if (image.Png is null)
        {
            return Results.Text(image.Problem, statusCode: StatusCodes.Status404NotFound);
        }

        // Private: a model's view of a patient's slice; the run's weights never change, so caching is safe.
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(image.Png, "image/png");
    }
}
