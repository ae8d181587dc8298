using System.Net;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Cli;
using BlendSign.Web.Features.Admin;
using BlendSign.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlendSign.Web.Tests.Security;

/// <summary>
/// Sign-in that cannot be used against the users: local return URLs only, equal work for unknown names, a per-client
/// throttle below the account lockout, a lockout the command line clears, no common passwords (probe items 6, 8, 10).
/// </summary>
public sealed class SignInProtectionTests : IDisposable
{
    private const string Client = "203.0.113.7";
    private const string OtherClient = "198.51.100.9";
    private readonly BlendSignWebFactory _factory = new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["BlendSign:SignIn:ClientFailures"] = "5",
            ["BlendSign:SignIn:AccountFailures"] = "8",
        },
    };

    private readonly CountingPasswordHasher _hasher = new();

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_AbsoluteOrSchemeReturnUrl_GoesHome_NotAnError(string returnUrl)
    {
        await _factory.CreateUserAsync("return-url", Roles.Radiologist);
        using var client = await _factory.CreateClientAsync();

        var response = await SignInAsync(client, "return-url", BlendSignWebFactory.Password, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), response.Headers.Location);
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_IsKept()
    {
        await _factory.CreateUserAsync("return-local", Roles.Radiologist);
        using var client = await _factory.CreateClientAsync();

        var response = await SignInAsync(client, "return-local", BlendSignWebFactory.Password, returnUrl: "/scans?x=1");

        Assert.Equal(new Uri("http://localhost/scans?x=1"), response.Headers.Location);
    }

    [Fact]
    public async Task SignIn_UnknownUserName_HashesThePasswordLikeAKnownOne()
    {
        var factory = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<ApplicationUser>>(_hasher))));
        await CreateUserAsync(factory, "known-user");
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var before = _hasher.Verifications;
        await SignInAsync(client, "known-user", "wrong-password-1", OtherClient);
        var known = _hasher.Verifications - before;
        await SignInAsync(client, "no-such-user", "wrong-password-1", OtherClient);
        var unknown = _hasher.Verifications - before - known;

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task WrongPasswords_FromOneClient_ThrottleThatClient_NotTheAccount()
    {
        await _factory.CreateUserAsync("admin-target", Roles.Admin);
        using var attacker = await _factory.CreateClientAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(attacker, "admin-target", "guess-number-" + attempt, Client);
        }

        var throttled = await SignInAsync(attacker, "admin-target", BlendSignWebFactory.Password, Client);
        using var admin = await _factory.CreateClientAsync();
        var fromElsewhere = await SignInAsync(admin, "admin-target", BlendSignWebFactory.Password, OtherClient);

        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        Assert.Contains("Too many wrong passwords from this computer", await throttled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, fromElsewhere.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), fromElsewhere.Headers.Location);
    }

    [Fact]
    public async Task LockedOutAccount_TheCommandLineUnlocksIt()
    {
        await _factory.CreateUserAsync("locked-admin", Roles.Admin);
        using var client = await _factory.CreateClientAsync();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            // Distributed guessing: each try from another address, so only the account's own count stops it.
            await SignInAsync(client, "locked-admin", "guess-" + attempt, $"192.0.2.{attempt + 1}");
        }

        var locked = await SignInAsync(client, "locked-admin", BlendSignWebFactory.Password, OtherClient);
        Assert.Equal("/Account/Lockout", locked.Headers.Location?.AbsolutePath);

        await using var cli = new CliContext
        {
            Out = new StringWriter(), Error = new StringWriter(), In = new StringReader(""), ConfigurationOverrides = _factory.Database.Settings,
        };
        var exit = await CliApplication.RunAsync(["users", "unlock", "locked-admin"], cli);

        Assert.Equal(0, exit);
        Assert.Contains("Unlocked locked-admin.", cli.Out.ToString(), StringComparison.Ordinal);
        var after = await SignInAsync(client, "locked-admin", BlendSignWebFactory.Password, OtherClient);
        Assert.Equal(new Uri("http://localhost/"), after.Headers.Location);
    }

    [Theory]
    [InlineData("Passw0rd")]
    [InlineData("Password123!")]
    [InlineData("Qwerty123")]
    [InlineData("Blendsign1")]
    [InlineData("Common-user-99")]
    public async Task CreateAccount_CommonPassword_RefusedWithTheReason(string password)
    {
        _ = _factory.Services;
        await using var scope = _factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var result = await accounts.CreateAsync("common-user", Roles.Radiologist, password, AuditActor.System(AuditSources.Cli));

        Assert.False(result.Succeeded);
        Assert.Contains("commonly used passwords", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAccount_ShortPassword_OnlyTheLengthIsSaid()
    {
        _ = _factory.Services;
        await using var scope = _factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var result = await accounts.CreateAsync("short-user", Roles.Radiologist, "Pass1", AuditActor.System(AuditSources.Cli));

        Assert.False(result.Succeeded);
        Assert.Contains("at least 8 characters", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("commonly used", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-2+3")]
    [InlineData("=cmd")]
    [InlineData("@admin")]
    [InlineData("name with space")]
    public async Task CreateAccount_UserNameThatReadsAsAFormula_Refused(string userName)
    {
        _ = _factory.Services;
        await using var scope = _factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var result = await accounts.CreateAsync(userName, Roles.Radiologist, "Unusual-phrase-42", AuditActor.System(AuditSources.Cli));

        Assert.False(result.Succeeded);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task CreateUserAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(userName, Roles.Radiologist, BlendSignWebFactory.Password, AuditActor.System(AuditSources.Cli));
        Assert.True(result.Succeeded, result.Error);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? address = null, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken.Extract(page),
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        var path = returnUrl is null ? "/Account/Login" : "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        if (address is not null)
        {
            request.Headers.Add(TestClientAddress.Header, address);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Identity's hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
