using System.Globalization;
using System.Security.Cryptography;
using BlendSign.Data.Accounts;
using BlendSign.Data.Assignments;
using BlendSign.Data.Audit;
using BlendSign.Data.Persistence;
using BlendSign.Web.Cli;
using BlendSign.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Reading.Load;

/// <summary>
/// Radiologists <c>load-rater-001</c>… are created on the first run and given the run's password on every run, then put
/// on every non-excluded scan. The accounts stay: a load test belongs on a scratch copy of the data directory.
/// </summary>
public sealed class LoadRaterAccounts(IServiceProvider services, AssignmentService assignments, IDbContextFactory<BlendSignDbContext> dbFactory)
{
    public const string NamePrefix = "load-rater-";

    public static string NameOf(int ordinal) => NamePrefix + ordinal.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>A password Identity's rules accept (upper, lower, digit, length), random per run.</summary>
    public static string GeneratePassword() => $"Load-{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}-x9";

    public async Task<(IReadOnlyList<LoadAccount>? Accounts, string? Error)> EnsureAsync(int count, string password, CancellationToken cancellationToken)
    {
        var actor = CliActor.For(AuditSources.Cli);
        var accounts = new List<LoadAccount>(count);
        for (var ordinal = 1; ordinal <= count; ordinal++)
        {
            var (account, error) = await EnsureAccountAsync(NameOf(ordinal), password, actor);
            if (account is null)
            {
                return (null, error);
            }

            accounts.Add(account);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var scans = await db.Scans.Where(s => s.Exclusion == null).Select(s => s.Id).ToListAsync(cancellationToken);
            if (scans.Count == 0)
            {
                return (null, "There is no scan to label: import scans or run `demo` first.");
            }

            var assigned = await assignments.AssignAsync(scans, accounts.Select(a => a.UserId).ToList(), actor, cancellationToken);
            if (!assigned.Succeeded)
            {
                return (null, $"Could not assign the scans to the load raters: {assigned.Error}");
            }
        }

        return (accounts, null);
    }

    /// <summary>Creates the radiologist, or gives an existing one the password (and unlocks it); refuses a name held by another role.</summary>
    private async Task<(LoadAccount? Account, string? Error)> EnsureAccountAsync(string userName, string password, AuditActor actor)
    {
        // AccountService is scoped with Identity's stores: one scope per operation.
        await using var scope = services.CreateAsyncScope();
        var accountService = scope.ServiceProvider.GetRequiredService<AccountService>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName);
        AccountResult result;
        if (user is null)
        {
            result = await accountService.CreateAsync(userName, Roles.Radiologist, password, actor);
            user = await users.FindByNameAsync(userName);
        }
        else if (!await users.IsInRoleAsync(user, Roles.Radiologist))
        {
            return (null, $"{userName} exists but is not a radiologist; the load test leaves it alone.");
        }
        else
        {
            result = await accountService.ResetPasswordAsync(user.Id, password, actor);
            if (result.Succeeded && await users.IsLockedOutAsync(user))
            {
                result = await accountService.UnlockAsync(user.Id, actor);
            }
        }

        return result.Succeeded && user is not null
            ? (new LoadAccount(user.Id, userName), null)
            : (null, $"Could not prepare {userName}: {result.Error}");
    }
}
