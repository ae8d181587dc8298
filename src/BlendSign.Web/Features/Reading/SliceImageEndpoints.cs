using BlendSign.Data.Rendering;
using Microsoft.Net.Http.Headers;

namespace BlendSign.Web.Features.Reading;

public static class SliceImageEndpoints
{
    // Views are content-addressed (the ETag changes with the pixels), so a day of private caching
    // costs nothing in freshness; "private" keeps shared proxies from holding patient images.
    private const string CacheControl = "private, max-age=86400";

    public static IEndpointRouteBuilder MapSliceImageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/slices/{sopInstanceUid}/image", GetImageAsync)
            .RequireAuthorization()
            .WithName("SliceImage");
        return endpoints;
    }

    private static async Task<IResult> GetImageAsync(
        string sopInstanceUid, string? window, HttpContext http, SliceImageService images, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrEmpty(window) ? WindowPresets.Default.Name : window;
        if (!WindowPresets.TryGet(name, out var preset))
        {
            return Results.Text($"Unknown window. Use one of: {string.Join(", ", WindowPresets.Names)}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var source = await images.FindAsync(sopInstanceUid, preset, cancellationToken);
        if (source is null)
        {
            return Results.Text("No slice has that SOP Instance UID.", statusCode: StatusCodes.Status404NotFound);
        }

        var etag = new EntityTagHeaderValue(source.ETag);
        http.Response.Headers.CacheControl = CacheControl;
        if (MatchesIfNoneMatch(http.Request, etag))
        {
            http.Response.Headers.ETag = source.ETag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        // Rendering is CPU work of a few milliseconds on a cache miss and a lookup on a hit.
        var image = images.Render(source);
        return Results.Bytes(image.Png, "image/png", entityTag: etag);
    }

    private static bool MatchesIfNoneMatch(HttpRequest request, EntityTagHeaderValue etag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        // If-None-Match compares weakly (RFC 9110, 13.1.2).
        return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));
    }
}
