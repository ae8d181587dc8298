using System.Security.Cryptography;

namespace BlendSign.Web.Hosting;

/// <summary>
/// The headers every answer carries. The content security policy is the one the app runs under: scripts from this site
/// only (the import map inline, by a per-request nonce), MudBlazor's inline styles, the circuit's WebSocket to this
/// site, images from this site or made in the page, no framing, no plug-ins.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "BlendSign.CspNonce";

    public static string? NonceOf(HttpContext context) => context?.Items[NonceKey] as string;

    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "worker-src 'self' blob:; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy(nonce);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next(context);
    });
}
