using System.Net;
using BlendSign.Data.Accounts;
using BlendSign.Web.Layout.Account;
using BlendSign.Web.Tests.Support;

namespace BlendSign.Web.Tests.Hosting;

public class SignInTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    [Fact]
    public async Task SignIn_RightPassword_RedirectsAndSetsHttpOnlySameSiteCookie()
    {
        await factory.CreateUserAsync("signin-ok", Roles.Radiologist);
        using var client = await factory.CreateClientAsync();

        var response = await BlendSignWebFactory.SignInAsync(client, "signin-ok", BlendSignWebFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsMessageAndSetsNoCookie()
    {
        await factory.CreateUserAsync("signin-wrong", Roles.Radiologist);
        using var client = await factory.CreateClientAsync();

        var response = await BlendSignWebFactory.SignInAsync(client, "signin-wrong", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_TwentyWrongPasswords_LocksTheAccount()
    {
        await factory.CreateUserAsync("signin-lock", Roles.Radiologist);
        using var client = await factory.CreateClientAsync();
        for (var attempt = 0; attempt < new SignInProtectionOptions().AccountFailures; attempt++)
        {
            await BlendSignWebFactory.SignInAsync(client, "signin-lock", "not-the-password");
        }

        var response = await BlendSignWebFactory.SignInAsync(client, "signin-lock", BlendSignWebFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Lockout", response.Headers.Location?.AbsolutePath);
    }
}
