using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using BlendSign.Data.Accounts;
using BlendSign.Data.Assignments;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Features.Admin;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Security;

/// <summary>
/// Access ends when it is taken away: a role removed, a password reset, a lockout or a sign-out ends every session of
/// the account at once, copies of its cookie and live circuits included (probe items 1 and 3).
/// </summary>
public class SessionEndTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    private static readonly AuditActor Admin = AuditActor.System(AuditSources.Cli);

    [Fact]
    public async Task RoleRemovedAndPasswordReset_TheOldCookieSavesNoLabel_AndNothingCountsInTheVote()
    {
        var sop = await AddScanAsync("61.1", "revoked-rater");
        using var client = await factory.CreateClientAsync("revoked-rater", Roles.Radiologist);
        Assert.Equal(HttpStatusCode.OK, (await PutLabelAsync(client, sop, "normal_ich")).StatusCode);
        var userId = await UserIdAsync("revoked-rater");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            Assert.True((await accounts.SetRoleAsync(userId, Roles.Radiologist, member: false, Admin)).Succeeded);
            Assert.True((await accounts.ResetPasswordAsync(userId, "Another-long-phrase-9", Admin)).Succeeded);
        }

        var after = await PutLabelAsync(client, sop, "blend_sign");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal([HemorrhageClass.NormalIch], await LabelsAsync(sop));
    }

    [Fact]
    public async Task SignOut_EndsACopyOfTheCookieTakenBefore()
    {
        using var client = await factory.CreateClientAsync("signout-rater", Roles.Radiologist);
        using var copy = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = await CookieHeaderAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await GetWorklistAsync(copy, cookie)).StatusCode);

        var signOut = await PostSignOutAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWorklistAsync(copy, cookie)).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefusedAndTheSessionLivesOn()
    {
        using var client = await factory.CreateClientAsync("signout-forged", Roles.Radiologist);

        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ReadingApiContract.WorklistPath)).StatusCode);
    }

    [Fact]
    public async Task LockedOutAccount_ItsSessionEnds()
    {
        using var client = await factory.CreateClientAsync("locked-rater", Roles.Radiologist);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ReadingApiContract.WorklistPath)).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByNameAsync("locked-rater");
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ReadingApiContract.WorklistPath)).StatusCode);
    }

    [Fact]
    public async Task RoleRemoved_ALiveCircuitOfTheAccountIsSignedOutAtOnce_OthersAreNot()
    {
        await factory.CreateUserAsync("circuit-rater", Roles.Radiologist);
        await factory.CreateUserAsync("circuit-other", Roles.Radiologist);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var otherScope = factory.Services.CreateAsyncScope();
        var circuit = await SignedInCircuitAsync(scope, "circuit-rater");
        var otherCircuit = await SignedInCircuitAsync(otherScope, "circuit-other");

        await using (var admin = factory.Services.CreateAsyncScope())
        {
            var accounts = admin.ServiceProvider.GetRequiredService<AccountService>();
            Assert.True((await accounts.SetRoleAsync(await UserIdAsync("circuit-rater"), Roles.Radiologist, member: false, Admin)).Succeeded);
        }

        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.True((await otherCircuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    /// <summary>The scope's authentication state provider, as a circuit of that user holds it after its first render.</summary>
    private static async Task<AuthenticationStateProvider> SignedInCircuitAsync(AsyncServiceScope scope, string userName)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var principal = await signIn.CreateAsync((await users.FindByNameAsync(userName))!);
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((ServerAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        Assert.Equal(userName, principal.FindFirstValue(ClaimTypes.Name));
        return provider;
    }

    private static async Task<HttpResponseMessage> PostSignOutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/scans");
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken.Extract(page) });
        return await client.PostAsync("/Account/Logout", form);
    }

    private static async Task<string> CookieHeaderAsync(HttpClient client)
    {
        // The client's cookie container holds the session; read it back the way a thief would copy it.
        var response = await client.GetAsync("/Account/Login");
        return response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
    }

    private static Task<HttpResponseMessage> GetWorklistAsync(HttpClient client, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ReadingApiContract.WorklistPath);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PutLabelAsync(HttpClient client, string sop, string label)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, ReadingApiContract.LabelPath(sop))
        {
            Content = JsonContent.Create(new LabelRequest(label), options: ReadingApiContract.Json),
        };
        request.Headers.Add(ReadingApiContract.ClientHeader, "test");
        return client.SendAsync(request);
    }

    private async Task<string> AddScanAsync(string root, string rater)
    {
        await factory.CreateUserAsync(rater, Roles.Radiologist);
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>();
        var scanId = RatingSeed.AddScan(dbFactory, root, 1).Id;
        var result = await factory.Services.GetRequiredService<AssignmentService>().AssignOnlyAsync([scanId], [await UserIdAsync(rater)], Admin);
        Assert.True(result.Succeeded, result.Error);
        return $"{root}.0";
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.Id;
    }

    private async Task<List<HemorrhageClass>> LabelsAsync(string sop)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        return await db.SliceLabels.Where(l => l.Slice.SopInstanceUid == sop).Select(l => l.Label).ToListAsync();
    }
}
