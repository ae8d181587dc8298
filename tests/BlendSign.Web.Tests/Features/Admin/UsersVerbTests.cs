using BlendSign.Data.Audit;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Tests.Cli;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Features.Admin;

public sealed class UsersVerbTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task UsersAdd_FirstAdmin_CreatesItAndAuditsWithoutThePassword()
    {
        var (exitCode, output, error) = await CliRun.RunWithInputAsync(_database, "Str0ng-passw0rd\n", "users", "add", "alice", "--role", "admin", "--role", "lead");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Created alice (admin, lead).", output);
        await using var db = _database.CreateDbContext();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
        Assert.Equal(["admin", "lead"], roles.Order());
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((AuditAction.Create, AuditEntity.User, "alice"), (entry.Action, entry.Entity, entry.EntityKey));
        Assert.Equal("{\"roles\":[\"lead\",\"admin\"]}", entry.NewValue);
        Assert.Equal($"{Environment.UserName} (command line)", entry.ActorName);
        Assert.DoesNotContain("passw0rd", entry.NewValue, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("short", "at least 8")]
    [InlineData("alllowercase", "uppercase")]
    public async Task UsersAdd_WeakPassword_RefusedAndNothingCreated(string password, string message)
    {
        var (exitCode, _, error) = await CliRun.RunWithInputAsync(_database, password + "\n", "users", "add", "bob", "--role", "radiologist");

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error, StringComparison.OrdinalIgnoreCase);
        await using var db = _database.CreateDbContext();
        Assert.Empty(db.Users);
        Assert.Empty(db.AuditEntries);
    }

    [Fact]
    public async Task UsersAdd_UnknownRole_Refused()
    {
        var (exitCode, _, error) = await CliRun.RunWithInputAsync(_database, "Str0ng-passw0rd\n", "users", "add", "carol", "--role", "superuser");

        Assert.Equal(1, exitCode);
        Assert.Contains("Unknown role 'superuser'", error);
    }

    public void Dispose() => _database.Dispose();
}
