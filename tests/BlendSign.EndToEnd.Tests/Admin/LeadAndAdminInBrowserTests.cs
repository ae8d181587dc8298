using BlendSign.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Admin;

/// <summary>The lead's downloads and assignments, and the admin's accounts page, as people use them in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public class LeadAndAdminInBrowserTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    private static readonly string[] Exports = ["labels.csv", "boxes.csv"];

    [SkippableFact]
    public async Task Exports_AnonymousRaterAndLead_LoginOr401ThenForbiddenThenTheFile()
    {
        ChromiumBrowser.SkipIfUnavailable();
        await using var anonymous = await chromium.Browser.NewContextAsync();
        foreach (var file in Exports)
        {
            var response = await anonymous.APIRequest.GetAsync($"{server.BaseUrl}/api/export/{file}", new() { MaxRedirects = 0 });
            Assert.True(response.Status == 401 || response.Status == 302 && response.Headers["location"].Contains("/Account/Login", StringComparison.Ordinal),
                $"{file}: {response.Status}");
        }

        await using var raterContext = await chromium.Browser.NewContextAsync();
        var rater = await BrowserSignIn.SignInAsync(raterContext, server, "rater1");
        Assert.Equal(0, await rater.Locator("[data-testid=nav-assignments]").CountAsync());
        foreach (var file in Exports)
        {
            var response = await raterContext.APIRequest.GetAsync($"{server.BaseUrl}/api/export/{file}", new() { MaxRedirects = 0 });
            Assert.Equal(403, response.Status);
        }

        await using var leadContext = await chromium.Browser.NewContextAsync(new() { AcceptDownloads = true });
        var lead = await BrowserSignIn.SignInAsync(leadContext, server, "lead");
        await lead.ClickAsync("[data-testid=nav-assignments]");
        await lead.Locator("[data-testid=assignments-page][data-ready=true] [data-testid=assignment-table]").WaitForAsync();

        var labels = await DownloadAsync(lead, "download-labels");
        var boxes = await DownloadAsync(lead, "download-boxes");

        Assert.Equal("rater,sop_instance_uid,label", labels[0]);
        Assert.Contains(labels, l => l.StartsWith("rater1,", StringComparison.Ordinal) && l.EndsWith(",non_ich", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("rater3,", StringComparison.Ordinal));
        Assert.Equal("rater,sop_instance_uid,center_x,center_y,left,top,right,bottom", boxes[0]);
        Assert.True(boxes.Length > 1, "the demo's simulated raters drew boxes");
        Assert.All(boxes.Skip(1), l => Assert.Equal(8, l.Split(',').Length));
    }

    [SkippableFact]
    public async Task Lead_UnticksARaterOnAScan_TheTableAndTheAuditTrailSayIt()
    {
        ChromiumBrowser.SkipIfUnavailable();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await BrowserSignIn.SignInAsync(context, server, "lead");
        await page.ClickAsync("[data-testid=nav-assignments]");
        await page.Locator("[data-testid=assignments-page][data-ready=true] [data-testid=assignment-table]").WaitForAsync();
        var box = page.Locator("input[data-testid^=assigned-][data-testid$=-rater3]").First;
        var testId = await box.GetAttributeAsync("data-testid");
        var scan = testId!["assigned-".Length..^"-rater3".Length];

        await box.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=assignment-message]")).ToContainTextAsync("Changed the assignment of 1 scan(s).");
        await Assertions.Expect(page.Locator($"input[data-testid=assigned-{scan}-rater3]")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator($"input[data-testid=assigned-{scan}-rater1]")).ToBeCheckedAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "assignments.png"), FullPage = true });

        await page.ClickAsync("[data-testid=nav-audit]");
        var row = page.Locator("[data-testid=audit-page][data-ready=true] [data-testid=audit-table] tr", new() { HasText = scan });
        await Assertions.Expect(row.First).ToContainTextAsync("rater3");
        await Assertions.Expect(row.First).ToContainTextAsync("every radiologist → rater1, rater2");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "audit-trail.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Admin_CreatesARadiologist_WhoCanSignIn()
    {
        ChromiumBrowser.SkipIfUnavailable();
        const string name = "rater4";
        const string password = "Fourth-rater-1";
        await using var adminContext = await chromium.Browser.NewContextAsync();
        var admin = await BrowserSignIn.SignInAsync(adminContext, server, "admin");
        await admin.ClickAsync("[data-testid=nav-admin]");
        await admin.Locator("[data-testid=admin-page][data-ready=true] [data-testid=accounts]").WaitForAsync();

        await admin.FillAsync("#new-user-name", name);
        await admin.FillAsync("#new-user-password", password);
        await admin.Locator("input[data-testid=new-role-radiologist]").CheckAsync();
        await admin.ClickAsync("[data-testid=create-user]");

        await Assertions.Expect(admin.Locator("[data-testid=admin-message]")).ToContainTextAsync($"Created {name} (radiologist).");
        await Assertions.Expect(admin.Locator($"[data-testid=account-{name}]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator($"input[data-testid=role-{name}-radiologist]")).ToBeCheckedAsync();
        await admin.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "admin-accounts.png"), FullPage = true });

        await using var newContext = await chromium.Browser.NewContextAsync();
        var newRater = await BrowserSignIn.SignInAsync(newContext, server, name, password);
        await Assertions.Expect(newRater.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync(name);
        Assert.Equal(0, await newRater.Locator("[data-testid=nav-admin]").CountAsync());
    }

    private static async Task<string[]> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"[data-testid={testId}]"));
        var path = await download.PathAsync();
        return (await File.ReadAllTextAsync(path!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
