using System.Net;
using System.Text.RegularExpressions;
using BlendSign.Data.Accounts;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Tests.Support;

namespace BlendSign.Web.Tests.Security;

/// <summary>Headers on every answer, the circuit's origin check and HTTPS behind a proxy (probe items 4 and 5).</summary>
public sealed partial class ResponseHeaderTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/api/reading/worklist")]
    [InlineData("/app.css")]
    public async Task EveryAnswer_CarriesThePolicyAndTheOtherHeaders(string path)
    {
        using var client = await factory.CreateClientAsync();

        var response = await client.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Page_TheImportMapCarriesThisAnswersNonce_AndNoOtherInlineScript()
    {
        using var client = await factory.CreateClientAsync();

        var response = await client.GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();

        var nonce = NoncePattern().Match(string.Join(";", response.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        Assert.NotEmpty(nonce);
        var inline = InlineScriptPattern().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal($"nonce=\"{nonce}\"", Assert.Single(inline, s => s.Contains("importmap", StringComparison.Ordinal)) is { } map
            ? NonceAttributePattern().Match(map).Value : "");
        Assert.All(inline, script => Assert.Contains($"nonce=\"{nonce}\"", script, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    public async Task Circuit_AnswersPagesOfThisSiteOnly(string origin, HttpStatusCode expected)
    {
        using var client = await factory.CreateClientAsync("circuit-origin", Roles.Radiologist);
        var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Circuit_WebSocketFromAnotherSite_Refused()
    {
        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Origin = "http://evil.example";

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => sockets.ConnectAsync(new Uri("ws://localhost/_blazor?id=x"), CancellationToken.None));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindAnHttpsProxy_CookiesAreSecure_AndAnswersCarryHsts()
    {
        using var proxied = new BlendSignWebFactory
        {
            Settings = new Dictionary<string, string?> { ["BlendSign:Https:BehindProxy"] = "true" },
        };
        await proxied.CreateUserAsync("proxied-user", Roles.Radiologist);
        using var client = await proxied.CreateClientAsync();
        client.BaseAddress = new Uri("http://blendsign.example");
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, "127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await BlendSignWebFactory.SignInAsync(client, "proxied-user", BlendSignWebFactory.Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnKestrel_NoServerHeader()
    {
        using var database = new TestDatabase();
        await using var server = new KestrelServer(database);
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScriptPattern();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex NonceAttributePattern();
}
