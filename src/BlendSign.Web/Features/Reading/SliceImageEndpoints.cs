using System.Globalization;
using BlendSign.Data.Rendering;
using BlendSign.Web.Layout.Account;
using Microsoft.Net.Http.Headers;

namespace BlendSign.Web.Features.Reading;

/// <summary>
/// A slice's pixels, rendered (PNG) or as stored HU for the browser's viewer. Both answer a slice of a scan the caller
/// may not open exactly as an unknown one (404), so a radiologist learns nothing about other worklists.
/// </summary>
public static class SliceImageEndpoints
{
    // Views are content-addressed (the ETag changes with the pixels), so a day of private caching
    // costs nothing in freshness; "private" keeps shared proxies from holding patient images.
    private const string CacheControl = "private, max-age=86400";
    private const string NotFound = "No slice has that SOP Instance UID.";

    /// <summary>The HU route's metadata headers, read by wwwroot/js/slice-view.js.</summary>
    public static class HuHeaders
    {
        public const string Rows = "X-Hu-Rows";
        public const string Columns = "X-Hu-Columns";
        public const string Slope = "X-Hu-Slope";
        public const string Intercept = "X-Hu-Intercept";
        public const string PixelSpacing = "X-Hu-Pixel-Spacing";
        public const string Position = "X-Hu-Position";
        public const string Spacing = "X-Hu-Spacing";
    }

    public static IEndpointRouteBuilder MapSliceImageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/slices/{sopInstanceUid}/image", GetImageAsync)
            .RequireAuthorization()
            .WithName("SliceImage");
        endpoints.MapGet("/api/slices/{sopInstanceUid}/hu", GetHuAsync)
            .RequireAuthorization()
            .WithName("SliceHu");
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

        var source = await images.FindAsync(sopInstanceUid, preset, http.User.ToReader(), cancellationToken);
        if (source is null)
        {
            return Results.Text(NotFound, statusCode: StatusCodes.Status404NotFound);
        }

        if (NotModified(http, source.ETag) is { } notModified)
        {
            return notModified;
        }

        // Rendering is CPU work of a few milliseconds on a cache miss and a lookup on a hit.
        var image = images.Render(source);
        return Results.Bytes(image.Png, "image/png", entityTag: new EntityTagHeaderValue(source.ETag));
    }

    /// <summary>The stored int16 values, gzip-encoded on the wire (the browser inflates them), with what HU and mm need in headers.</summary>
    private static async Task<IResult> GetHuAsync(string sopInstanceUid, HttpContext http, SliceHuService hu, CancellationToken cancellationToken)
    {
        var source = await hu.FindAsync(sopInstanceUid, http.User.ToReader(), cancellationToken);
        if (source is null)
        {
            return Results.Text(NotFound, statusCode: StatusCodes.Status404NotFound);
        }

        if (NotModified(http, source.ETag) is { } notModified)
        {
            return notModified;
        }

        var values = hu.Load(source);
        var headers = http.Response.Headers;
        headers[HuHeaders.Rows] = Invariant(source.Rows);
        headers[HuHeaders.Columns] = Invariant(source.Columns);
        headers[HuHeaders.Slope] = Invariant(values.Slope);
        headers[HuHeaders.Intercept] = Invariant(values.Intercept);
        if (source is { PixelSpacingRow: { } row, PixelSpacingColumn: { } column })
        {
            headers[HuHeaders.PixelSpacing] = $"{Invariant(row)}\\{Invariant(column)}";
        }

        if (source.Position is { } position)
        {
            headers[HuHeaders.Position] = Invariant(position);
        }

        if (source.Spacing is { } spacing)
        {
            headers[HuHeaders.Spacing] = Invariant(spacing);
        }

        headers.ContentEncoding = "gzip";
        return Results.Bytes(values.Gzip, "application/octet-stream", entityTag: new EntityTagHeaderValue(source.ETag));
    }

    private static IResult? NotModified(HttpContext http, string tag)
    {
        var etag = new EntityTagHeaderValue(tag);
        http.Response.Headers.CacheControl = CacheControl;
        // If-None-Match compares weakly (RFC 9110, 13.1.2).
        if (!http.Request.GetTypedHeaders().IfNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false)))
        {
            return null;
        }

        http.Response.Headers.ETag = tag;
        return Results.StatusCode(StatusCodes.Status304NotModified);
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
