using System.Net;
using BlendSign.Data.Accounts;
using BlendSign.Web.Tests.Support;

namespace BlendSign.Web.Tests.Security;

/// <summary>Route × role → what the server answers (pages redirect, API routes give status codes).</summary>
public class RouteAuthorizationTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    public static TheoryData<string, string?, string> Cases => new()
    {
        // route, role (null = anonymous), expected
        { "/health", null, "200" },
        { "/Account/Login", null, "200" },
        { "/app.css", null, "200" },
        { "/scans", null, "login" },
        { "/scans/1/read", null, "login" },
        { "/agreement", null, "login" },
        { "/training", null, "login" },
        { "/api/slices/1.2.3/image", null, "401" },
        { "/scans", Roles.Radiologist, "200" },
        { "/scans", Roles.Lead, "200" },
        { "/agreement", Roles.Radiologist, "denied" },
        { "/agreement", Roles.Lead, "200" },
        { "/agreement", Roles.Reviewer, "200" },
        { "/training", Roles.Radiologist, "denied" },
        { "/training", Roles.Reviewer, "denied" },
        { "/training", Roles.Lead, "200" },
        { "/training", Roles.Admin, "200" },
        { "/api/export/labels.csv", null, "401" },
        { "/api/export/labels.csv", Roles.Radiologist, "403" },
        { "/api/export/labels.csv", Roles.Reviewer, "403" },
        { "/api/export/labels.csv", Roles.Lead, "200" },
        { "/api/export/labels.csv", Roles.Admin, "200" },
        { "/gold/adjudication", null, "login" },
        { "/gold/adjudication", Roles.Radiologist, "denied" },
        { "/gold/adjudication", Roles.Reviewer, "denied" },
        { "/gold/adjudication", Roles.Lead, "200" },
        { "/gold/adjudication", Roles.Admin, "200" },
        { "/agreement/report", null, "login" },
        { "/agreement/report", Roles.Radiologist, "denied" },
        { "/agreement/report", Roles.Lead, "200" },
        { "/agreement/report", Roles.Reviewer, "200" },
        { "/agreement/report", Roles.Admin, "200" },
        { "/agreement/disagreements?group=overall&first=rater1&second=rater2", null, "login" },
        { "/agreement/disagreements?group=overall&first=rater1&second=rater2", Roles.Radiologist, "denied" },
        { "/agreement/disagreements?group=overall&first=rater1&second=rater2", Roles.Lead, "200" },
        { "/agreement/disagreements?group=overall&first=rater1&second=rater2", Roles.Reviewer, "200" },
        { "/agreement/disagreements?group=overall&first=rater1&second=rater2", Roles.Admin, "200" },
        { "/api/export/gold.csv", null, "401" },
        { "/api/export/gold.csv", Roles.Radiologist, "403" },
        { "/api/export/gold.csv", Roles.Reviewer, "403" },
        { "/api/export/gold.csv", Roles.Lead, "200" },
        { "/api/export/gold.csv", Roles.Admin, "200" },
        { "/api/export/gold.coco.json", null, "401" },
        { "/api/export/gold.coco.json", Roles.Radiologist, "403" },
        { "/api/export/gold.coco.json", Roles.Reviewer, "403" },
        { "/api/export/gold.coco.json", Roles.Lead, "200" },
        { "/api/export/gold.coco.json", Roles.Admin, "200" },
        { "/review", null, "login" },
        { "/review", Roles.Radiologist, "denied" },
        { "/review", Roles.Lead, "200" },
        { "/review", Roles.Reviewer, "200" },
        { "/review", Roles.Admin, "200" },
        { "/review/compare", null, "login" },
        { "/review/compare", Roles.Radiologist, "denied" },
        { "/review/compare", Roles.Lead, "200" },
        { "/review/compare", Roles.Reviewer, "200" },
        { "/review/compare", Roles.Admin, "200" },
        { "/review/raters", null, "login" },
        { "/review/raters", Roles.Radiologist, "denied" },
        { "/review/raters", Roles.Reviewer, "denied" },
        { "/review/raters", Roles.Lead, "200" },
        { "/review/raters", Roles.Admin, "200" },
        { "/api/review/decisions.csv", null, "401" },
        { "/api/review/decisions.csv", Roles.Radiologist, "403" },
        { "/api/review/decisions.csv", Roles.Lead, "200" },
        { "/api/review/decisions.csv", Roles.Reviewer, "200" },
        { "/api/review/decisions.csv", Roles.Admin, "200" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Get_RouteAsRole_AnswersAsExpected(string route, string? role, string expected)
    {
        using var client = await factory.CreateClientAsync(role is null ? null : $"route-{role}", role);

        var response = await client.GetAsync(route);

        switch (expected)
        {
            case "login":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
                break;
            case "denied":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
                break;
            default:
                Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (int)response.StatusCode);
                break;
        }
    }
}
