using Microsoft.Playwright;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (never <c>playwright install</c>: nothing is downloaded).
/// Skips the browser tests with a message where Chromium is not installed.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots and traces of the browser tests land here (kept as test artifacts).</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(
        Path.Combine(BlendSign.Tests.Shared.SharedData.RepositoryRoot, "artifacts", "browser-tests")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        // Expectations wait as long as actions do: a loaded 2-core machine can take more than Playwright's 5 s for a round trip.
        Assertions.SetDefaultExpectTimeout(BrowserSignIn.Timeout);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public static void SkipIfUnavailable() =>
        Skip.IfNot(File.Exists(ExecutablePath), $"Chromium not found at {ExecutablePath}: install it with scripts/install.sh --tests.");

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
