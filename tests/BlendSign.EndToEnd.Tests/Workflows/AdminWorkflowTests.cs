using BlendSign.Data.Accounts;
using BlendSign.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Workflows;

/// <summary>An admin's whole job in Chromium: create an account, grant it a role, take the role away again.</summary>
[Collection(BrowserCollection.Name)]
public class AdminWorkflowTests(ChromiumBrowser chromium, DemoServer server) : IClassFixture<DemoServer>
{
    [SkippableFact]
    public async Task Admin_CreatesUserGrantsAndRevokesARole_NoProblemInTheBrowser()
    {
        ChromiumBrowser.SkipIfUnavailable();
        const string name = "walker";
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1500, Height = 900 } });
        var problems = PageProblems.Watch(context);
        var page = await BrowserSignIn.SignInAsync(context, server, "admin");
        await page.ClickAsync("[data-testid=nav-admin]");
        await page.Locator("[data-testid=admin-page][data-ready=true] [data-testid=accounts]").WaitForAsync();

        await page.FillAsync("#new-user-name", name);
        await page.FillAsync("#new-user-password", "Stride-blue-lantern-7");
        await page.Locator("input[data-testid=new-role-reviewer]").CheckAsync();
        await page.ClickAsync("[data-testid=create-user]");
        await Assertions.Expect(page.Locator("[data-testid=admin-message]")).ToContainTextAsync($"Created {name} (reviewer).");

        var lead = page.Locator($"input[data-testid=role-{name}-lead]");
        await lead.CheckAsync();
        await Assertions.Expect(page.Locator("[data-testid=admin-message]")).ToContainTextAsync($"{name} is now lead.");
        await Assertions.Expect(lead).ToBeCheckedAsync();
        Assert.Equal(["lead", "reviewer"], await RolesAsync(name));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.ArtifactsDirectory, "workflow-admin-granted.png"), FullPage = true });

        await lead.UncheckAsync();
        await Assertions.Expect(page.Locator("[data-testid=admin-message]")).ToContainTextAsync($"{name} is no longer lead.");
        await Assertions.Expect(lead).Not.ToBeCheckedAsync();
        Assert.Equal(["reviewer"], await RolesAsync(name));
        problems.AssertNone();
    }

    private async Task<string[]> RolesAsync(string name)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return [.. (await users.GetRolesAsync((await users.FindByNameAsync(name))!)).Order()];
    }
}
