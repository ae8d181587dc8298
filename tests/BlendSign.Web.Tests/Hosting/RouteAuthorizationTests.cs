using System.Net;
using BlendSign.Data.Accounts;
using BlendSign.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Hosting;

/// <summary>
/// Route × role → what the server answers, for every route and page the app maps (a test below fails when a route is
/// added without a row here). Pages send the anonymous to the login page and a signed-in user without the role to the
/// access-denied page; routes under /api answer 401 and 403.
/// </summary>
public class RouteAuthorizationTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] SignedIn = [Roles.Radiologist, Roles.Lead, Roles.Reviewer, Roles.Admin];
    private static readonly string[] LeadAndAdmin = [Roles.Lead, Roles.Admin];
    private static readonly string[] Unblinded = [Roles.Lead, Roles.Reviewer, Roles.Admin];

    /// <summary>Template as mapped, a path to request, who may open it (null: anyone, signed in or not), and what they get.</summary>
    private static readonly RouteRule[] Rules =
    [
        new("/health", "/health", null),
        new("/Account/Login", "/Account/Login", null),
        new("/Account/Lockout", "/Account/Lockout", null),
        new("/Account/AccessDenied", "/Account/AccessDenied", null),
        new("/not-found", "/not-found", null),
        new("/Error", "/Error", null),
        new("/", "/", SignedIn, AllowedStatus: 302), // sends a signed-in user on to /scans
        new("/scans", "/scans", SignedIn),
        new("/scans/{ScanId:int}/read", "/scans/1/read", SignedIn),
        new("/agreement", "/agreement", Unblinded),
        new("/training", "/training", LeadAndAdmin),
        new("/assignments", "/assignments", LeadAndAdmin),
        new("/audit", "/audit", LeadAndAdmin),
        new("/admin", "/admin", [Roles.Admin]),
        new("/api/slices/{sopInstanceUid}/image", "/api/slices/1.2.3/image", SignedIn, AllowedStatus: 404), // no such slice
        new("/api/slices/{sopInstanceUid}/hu", "/api/slices/1.2.3/hu", SignedIn, AllowedStatus: 404), // no such slice
        new("/api/reading/worklist", "/api/reading/worklist", [Roles.Radiologist]),
        new("/api/export/labels.csv", "/api/export/labels.csv", LeadAndAdmin),
        new("/api/export/boxes.csv", "/api/export/boxes.csv", LeadAndAdmin),
        new("/gold/adjudication", "/gold/adjudication", LeadAndAdmin),
        new("/gold/slices/{Sop}", "/gold/slices/1.2.3", LeadAndAdmin), // says the slice is unknown
        new("/api/runs/{runId:int}/oof_predictions.csv", "/api/runs/999/oof_predictions.csv", Unblinded, AllowedStatus: 404), // no such run
        new("/agreement/report", "/agreement/report", Unblinded),
        new("/agreement/disagreements", "/agreement/disagreements?group=overall&first=rater1&second=rater2", Unblinded),
        new("/api/export/gold.csv", "/api/export/gold.csv", LeadAndAdmin),
        new("/api/export/gold.coco.json", "/api/export/gold.coco.json", LeadAndAdmin),
        new("/training/runs/{RunId:int}", "/training/runs/999", Unblinded), // says the run has no results
        new("/api/runs/{runId:int}/gradcam/{sopInstanceUid}", "/api/runs/999/gradcam/1.2.3", Unblinded, AllowedStatus: 404), // no such run
        new("/review", "/review", Unblinded),
        new("/review/compare", "/review/compare", Unblinded),
        new("/review/raters", "/review/raters", LeadAndAdmin),
        new("/api/review/decisions.csv", "/api/review/decisions.csv", Unblinded),
        new("/import", "/import", LeadAndAdmin),
        new("/api/import/jobs/{id}/verdicts.csv", "/api/import/jobs/none/verdicts.csv", LeadAndAdmin, AllowedStatus: 404), // no such import
    ];

    /// <summary>
    /// Mapped routes the table need not list: the POST-only sign-out form and upload (its roles are tested in
    /// UploadEndpointTests), the PUT-only label write (ReadingEndpointTests) and the static-file fallback.
    /// </summary>
    private static readonly string[] NotPages = ["/Account/Logout", "/api/import/uploads", "/api/reading/slices/{sopInstanceUid}/label", "/{**path:file}"];

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var rule in Rules)
        {
            foreach (var role in SignedIn.Prepend(Anonymous))
            {
                cases.Add(rule.Path, role, rule.Expected(role));
            }
        }

        cases.Add("/app.css", Anonymous, "200"); // static assets are open
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Get_RouteAsRole_AnswersAsExpected(string route, string role, string expected)
    {
        using var client = await factory.CreateClientAsync(role == Anonymous ? null : $"route-{role}", role == Anonymous ? null : role);

        var response = await client.GetAsync(route);

        var location = response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.PathAndQuery : response.Headers.Location?.OriginalString;
        switch (expected)
        {
            case "login":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/Login", location);
                break;
            case "denied":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/AccessDenied", location);
                break;
            default:
                Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (int)response.StatusCode);
                Assert.DoesNotContain("Account/", location ?? ""); // a redirect that is allowed goes on into the app
                break;
        }
    }

    [Theory]
    [InlineData(null, "/Account/Login")]
    [InlineData(Roles.Radiologist, "/Account/AccessDenied")]
    public async Task Get_ApiLinkOpenedInTheBrowserWithoutTheRole_RedirectsToAPageInsteadOfABareStatus(string? role, string page)
    {
        using var client = await factory.CreateClientAsync(role is null ? null : $"navigate-{role}", role);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/export/labels.csv");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
        Assert.StartsWith(page, location, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_EveryMappedRoute_HasARow()
    {
        _ = factory.Services;
        var templates = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Where(t => !IsFrameworkOrAsset(t))
            .Distinct()
            .ToList();

        var missing = templates.Except(Rules.Select(r => r.Template)).Except(NotPages).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"Routes without a row in {nameof(RouteAuthorizationTests)}: {string.Join(", ", missing)}");
    }

    // Blazor's own endpoints, and MapStaticAssets' one endpoint per file of wwwroot and of the packages (fingerprinted names included).
    private static bool IsFrameworkOrAsset(string template) =>
        template.StartsWith("/_blazor", StringComparison.Ordinal)
        || template.StartsWith("/_framework/", StringComparison.Ordinal)
        || template.StartsWith("/_content/", StringComparison.Ordinal)
        || (Path.HasExtension(template) && !template.StartsWith("/api/", StringComparison.Ordinal));

    private sealed record RouteRule(string Template, string Path, string[]? Allowed, int AllowedStatus = 200)
    {
        private bool IsApi => Path.StartsWith("/api/", StringComparison.Ordinal);

        public string Expected(string role) =>
            Allowed is null || Allowed.Contains(role) ? AllowedStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : role == Anonymous ? (IsApi ? "401" : "login")
            : IsApi ? "403" : "denied";
    }
}
