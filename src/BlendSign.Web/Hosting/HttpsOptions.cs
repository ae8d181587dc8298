namespace BlendSign.Web.Hosting;

/// <summary>
/// <c>BlendSign:Https</c>, for running behind a reverse proxy that ends TLS (README, "Behind HTTPS"). With
/// <see cref="BehindProxy"/> the proxy's X-Forwarded-For and X-Forwarded-Proto are trusted from <see cref="KnownProxies"/>
/// (loopback when empty), so sign-in throttling sees the client's address and, over HTTPS, cookies are Secure and
/// answers carry HSTS.
/// </summary>
public sealed class HttpsOptions
{
    public const string SectionName = "BlendSign:Https";

    public bool BehindProxy { get; set; }

    public IList<string> KnownProxies { get; } = [];

    /// <summary>Seconds a browser keeps to HTTPS after an HTTPS answer (Strict-Transport-Security max-age).</summary>
    public int HstsMaxAgeSeconds { get; set; } = 31_536_000;
}
