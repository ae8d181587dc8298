using System.Net;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Persistence;
using BlendSign.Web.Features.Admin;
using BlendSign.Web.Layout.Account;
using BlendSign.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Admin;

public class AccountServiceTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    private const string NewPassword = "Another-passw0rd";

    [Fact]
    public async Task CreateAsync_ByAdmin_CreatesWithRolesAndAuditsWithoutThePassword()
    {
        var admin = await ActorAsync("create-admin", Roles.Admin);

        var result = await WithAccounts(a => a.CreateAsync("create-new", [Roles.Reviewer, Roles.Radiologist], NewPassword, admin));

        Assert.True(result.Succeeded, result.Error);
        var account = (await WithAccounts(a => a.ListAsync())).Single(a => a.UserName == "create-new");
        Assert.Equal([Roles.Radiologist, Roles.Reviewer], account.Roles);
        var entry = Assert.Single(await AuditAsync("create-new"));
        Assert.Equal((AuditAction.Create, AuditEntity.User, "create-admin"), (entry.Action, entry.Entity, entry.ActorName));
        Assert.Equal("{\"roles\":[\"radiologist\",\"reviewer\"]}", entry.NewValue);
        using var client = await factory.CreateClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await BlendSignWebFactory.SignInAsync(client, "create-new", NewPassword)).StatusCode);
    }

    [Theory]
    [InlineData("weak-1", "password", "uppercase")]
    [InlineData("weak-2", "Sh0rt", "at least 8")]
    [InlineData("bad name!", NewPassword, "invalid")]
    public async Task CreateAsync_BadInput_RefusedAndNothingWritten(string userName, string password, string message)
    {
        var admin = await ActorAsync("weak-admin", Roles.Admin);

        var result = await WithAccounts(a => a.CreateAsync(userName, [Roles.Lead], password, admin));

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await WithAccounts(a => a.ListAsync()), a => a.UserName == userName);
        Assert.Empty(await AuditAsync(userName));
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Radiologist)]
    public async Task AnyChange_ByANonAdmin_Refused(string role)
    {
        var actor = await ActorAsync($"not-admin-{role}", role);
        var target = await UserIdAsync($"target-of-{role}", Roles.Radiologist);

        var created = await WithAccounts(a => a.CreateAsync($"made-by-{role}", [Roles.Admin], NewPassword, actor));
        var promoted = await WithAccounts(a => a.SetRoleAsync(actor.UserId!, Roles.Admin, true, actor));
        var reset = await WithAccounts(a => a.ResetPasswordAsync(target, NewPassword, actor));

        Assert.All([created, promoted, reset], r => Assert.Equal("Only an admin may change accounts.", r.Error));
        Assert.DoesNotContain(await WithAccounts(a => a.ListAsync()), a => a.UserName == $"made-by-{role}" || a.Roles.Contains(Roles.Admin) && a.UserName.StartsWith("not-admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetRoleAsync_GrantAndRemove_AuditsOldAndNewRoles()
    {
        var admin = await ActorAsync("roles-admin", Roles.Admin);
        var target = await UserIdAsync("roles-target", Roles.Radiologist);

        var granted = await WithAccounts(a => a.SetRoleAsync(target, Roles.Lead, true, admin));
        var removed = await WithAccounts(a => a.SetRoleAsync(target, Roles.Radiologist, false, admin));

        Assert.True(granted.Succeeded && removed.Succeeded);
        Assert.Equal([Roles.Lead], (await WithAccounts(a => a.ListAsync())).Single(a => a.UserName == "roles-target").Roles);
        Assert.Equal(
            [("radiologist", "radiologist, lead"), ("radiologist, lead", "lead")],
            (await AuditAsync("roles-target")).Where(e => e.Entity == AuditEntity.Role).Select(e => (e.OldValue, e.NewValue)));
    }

    [Fact]
    public async Task SetRoleAsync_LastAdminRemovesOwnAdminRole_RefusedUntilAnotherAdminExists()
    {
        await using var own = new BlendSignWebFactory();
        await own.CreateUserAsync("only-admin", Roles.Admin);
        var admin = await ActorAsync(own, "only-admin");

        var refused = await WithAccounts(own, a => a.SetRoleAsync(admin.UserId!, Roles.Admin, false, admin));
        await own.CreateUserAsync("second-admin", Roles.Admin);
        var allowed = await WithAccounts(own, a => a.SetRoleAsync(admin.UserId!, Roles.Admin, false, admin));

        Assert.Equal("only-admin is the last admin; make someone else an admin first.", refused.Error);
        Assert.True(allowed.Succeeded, allowed.Error);
    }

    [Fact]
    public async Task ResetPasswordAsync_NewPassword_OldStopsWorkingAuditSaysResetOnly()
    {
        var admin = await ActorAsync("reset-admin", Roles.Admin);
        var target = await UserIdAsync("reset-target", Roles.Radiologist);

        var result = await WithAccounts(a => a.ResetPasswordAsync(target, NewPassword, admin));

        Assert.True(result.Succeeded, result.Error);
        using var client = await factory.CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await BlendSignWebFactory.SignInAsync(client, "reset-target", BlendSignWebFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BlendSignWebFactory.SignInAsync(client, "reset-target", NewPassword)).StatusCode);
        var entry = Assert.Single(await AuditAsync("reset-target"));
        Assert.Equal((null, "password reset"), (entry.OldValue, entry.NewValue));
    }

    [Fact]
    public async Task ResetPasswordAsync_WeakPassword_RefusedOldStillWorks()
    {
        var admin = await ActorAsync("weakreset-admin", Roles.Admin);
        var target = await UserIdAsync("weakreset-target", Roles.Radiologist);

        var result = await WithAccounts(a => a.ResetPasswordAsync(target, "weak", admin));

        Assert.False(result.Succeeded);
        using var client = await factory.CreateClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await BlendSignWebFactory.SignInAsync(client, "weakreset-target", BlendSignWebFactory.Password)).StatusCode);
        Assert.Empty(await AuditAsync("weakreset-target"));
    }

    [Fact]
    public async Task UnlockAsync_LockedOutUser_CanSignInAgain()
    {
        var admin = await ActorAsync("unlock-admin", Roles.Admin);
        var target = await UserIdAsync("unlock-target", Roles.Radiologist);
        using var client = await factory.CreateClientAsync();
        for (var attempt = 0; attempt < new SignInProtectionOptions().AccountFailures; attempt++)
        {
            await BlendSignWebFactory.SignInAsync(client, "unlock-target", "wrong-password");
        }

        Assert.True((await WithAccounts(a => a.ListAsync())).Single(a => a.Id == target).IsLockedOut);
        var result = await WithAccounts(a => a.UnlockAsync(target, admin));

        Assert.True(result.Succeeded, result.Error);
        Assert.False((await WithAccounts(a => a.ListAsync())).Single(a => a.Id == target).IsLockedOut);
        Assert.Equal(HttpStatusCode.Redirect, (await BlendSignWebFactory.SignInAsync(client, "unlock-target", BlendSignWebFactory.Password)).StatusCode);
        Assert.StartsWith("locked until ", Assert.Single(await AuditAsync("unlock-target")).OldValue);
    }

    [Fact]
    public async Task Start_NotDemo_HasNoAccountAtAll()
    {
        await using var fresh = new BlendSignWebFactory();
        _ = fresh.Services;

        var accounts = await WithAccounts(fresh, a => a.ListAsync());

        Assert.Empty(accounts);
    }

    private Task<T> WithAccounts<T>(Func<AccountService, Task<T>> use) => WithAccounts(factory, use);

    private static async Task<T> WithAccounts<T>(BlendSignWebFactory server, Func<AccountService, Task<T>> use)
    {
        _ = server.Services;
        await using var scope = server.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<AccountService>());
    }

    private async Task<string> UserIdAsync(string userName, string role)
    {
        await factory.CreateUserAsync(userName, role);
        return (await ActorAsync(factory, userName)).UserId!;
    }

    private async Task<AuditActor> ActorAsync(string userName, string role)
    {
        await factory.CreateUserAsync(userName, role);
        return await ActorAsync(factory, userName);
    }

    private static async Task<AuditActor> ActorAsync(BlendSignWebFactory server, string userName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
        return new AuditActor(user!.Id, userName, AuditSources.Ui);
    }

    private async Task<List<AuditEntry>> AuditAsync(string subject)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.Where(e => e.SubjectName == subject && e.Source == AuditSources.Ui).OrderBy(e => e.Id).ToListAsync();
    }
}
