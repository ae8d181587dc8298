using System.Net;
using BlendSign.Data.Accounts;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Hosting;

/// <summary>Two servers on one database, as two web nodes behind a load balancer.</summary>
public sealed class TwoWebNodeTests : IAsyncLifetime
{
    private readonly BlendSignWebFactory _nodeA = new();
    private BlendSignWebFactory _nodeB = null!;

    public Task InitializeAsync()
    {
        _nodeB = BlendSignWebFactory.OnSharedDatabase(_nodeA.Database);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SignIn_OnNodeA_CookieValidOnNodeB()
    {
        using var onA = await _nodeA.CreateClientAsync();
        await _nodeA.CreateUserAsync("two-nodes", Roles.Radiologist);
        var signIn = await BlendSignWebFactory.SignInAsync(onA, "two-nodes", BlendSignWebFactory.Password);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        using var onB = _nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        onB.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);

        var scans = await onB.GetAsync("/scans");

        Assert.Equal(HttpStatusCode.OK, scans.StatusCode);
        using var stranger = _nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync("/scans")).StatusCode);
    }

    [Fact]
    public async Task DataProtectionKeys_KeptInTheDatabase_NotInTheDataDirectory()
    {
        using var client = await _nodeA.CreateClientAsync("keys-in-db", Roles.Radiologist);

        await using var db = _nodeA.Database.CreateDbContext();
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.Contains("<key ", key.Xml);
        Assert.False(Directory.Exists(Path.Combine(_nodeA.DataDirectory, "keys")));
    }

    public async Task DisposeAsync()
    {
        await _nodeB.DisposeAsync();
        await _nodeA.DisposeAsync();
    }
}
