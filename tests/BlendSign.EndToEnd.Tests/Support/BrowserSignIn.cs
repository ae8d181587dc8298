using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Support;

public static class BrowserSignIn
{
    public const float Timeout = 30_000;

    /// <summary>Opens the app, is sent to the sign-in page, signs in and waits for the live scan list.</summary>
    public static Task<IPage> SignInAsync(IBrowserContext context, DemoServer server, string userName, string password = DemoServer.DemoPassword) =>
        SignInAsync(context, server.BaseUrl, userName, password);

    /// <summary>The same at any server's address (a web node started as a process of its own).</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, string baseUrl, string userName, string password)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        // The browser's console goes next to the screenshots, to explain a failure after the fact.
        var console = Path.Combine(ChromiumBrowser.ArtifactsDirectory, $"console-{userName}.log");
        page.Console += (_, message) => File.AppendAllText(console, $"{message.Type}: {message.Text}{Environment.NewLine}");
        await page.GotoAsync(baseUrl + "/");
        await page.WaitForURLAsync("**/Account/Login**");
        await page.FillAsync("#Input\\.UserName", userName);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("#login-submit");
        // Wait for the live circuit: a link followed while it is still starting would leave the next page static.
        await page.WaitForSelectorAsync(
            "[data-testid=scans-page][data-ready=true] [data-testid=scan-table], [data-testid=scans-page][data-ready=true] [data-testid=worklist-empty]");
        return page;
    }
}
