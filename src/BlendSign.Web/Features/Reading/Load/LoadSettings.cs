using System.Net;

namespace BlendSign.Web.Features.Reading.Load;

/// <param name="Server">The server's base address; always a loopback address (see <see cref="TryParseServer"/>).</param>
/// <param name="MaxRequests">Requests (images and saves together) after which every rater stops, deadline or not.</param>
/// <param name="ThinkTime">Each rater's mean pause after a save (0.5-1.5 times it, at random), as a radiologist looking at the next slice; zero: as fast as the server answers.</param>
public sealed record LoadSettings(Uri Server, int Raters, TimeSpan Duration, int MaxRequests, TimeSpan RequestTimeout, TimeSpan ThinkTime)
{
    public const int MaxRaters = 999;

    /// <summary>Only http(s) on this machine: a load test sends thousands of writes, and never to somebody else's server.</summary>
    public static (Uri? Server, string? Error) TryParseServer(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, $"--url takes an http:// address such as http://127.0.0.1:5000, not '{url}'.");
        }

        var loopback = uri.IsLoopback && (uri.HostNameType != UriHostNameType.Dns || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
        return loopback
            ? (new Uri(uri.GetLeftPart(UriPartial.Authority)), null)
            : (null, $"bench load only runs against this machine: --url must be http://127.0.0.1:PORT or http://localhost:PORT, not {uri.Host}.");
    }
}
