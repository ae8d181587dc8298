namespace BlendSign.Web.Hosting;

/// <summary>
/// The Blazor circuit (<c>/_blazor</c>) answers pages of this site only: a request whose Origin is another site, or a
/// WebSocket upgrade with no Origin, gets 403 (SameSite cookies alone leave sibling subdomains and old browsers open).
/// </summary>
public static class CircuitOriginCheck
{
    public static IApplicationBuilder UseCircuitOriginCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/_blazor") && !IsSameOrigin(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("The circuit answers pages of this site only.");
            return;
        }

        await next(context);
    });

    public static bool IsSameOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return !request.HttpContext.WebSockets.IsWebSocketRequest;
        }

        return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
