using BlendSign.Data.Accounts;
using BlendSign.Data.Assignments;
using BlendSign.Data.Audit;
using BlendSign.Web.Layout.Account;
using BlendSign.Data.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Features.Admin;

/// <summary>
/// Each change and its audit entry (never a password) are saved in one transaction. A signed-in actor must be an admin
/// now (checked here, against the database); the command line acts without a user id. Scoped: Identity's stores share
/// this scope's context, so take a fresh scope per operation in long-lived callers.
/// </summary>
public sealed class AccountService(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    BlendSignDbContext db,
    TimeProvider time,
    AccountSessions sessions,
    ILogger<AccountService> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Whether any account holds the admin role (outside the demo the first one comes from <c>users add</c>).</summary>
    public async Task<bool> AnyAdminAsync() => (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0;

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var memberships = (await (from userRole in db.UserRoles
                                  join role in db.Roles on userRole.RoleId equals role.Id
                                  select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(m => m.UserId, m => m.Name!);
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.LockoutEnd, u.AccessFailedCount })
            .ToListAsync(cancellationToken);
        return accounts
            .Select(u => new AccountSummary(u.Id, u.UserName!, InRoleOrder(memberships[u.Id]),
                u.LockoutEnd > now ? u.LockoutEnd : null, u.AccessFailedCount))
            .ToList();
    }

    public Task<AccountResult> CreateAsync(string userName, string role, string password, AuditActor actor) =>
        CreateAsync(userName, [role], password, actor);

    public async Task<AccountResult> CreateAsync(string userName, IReadOnlyCollection<string> roleNames, string password, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        userName = userName.Trim();
        if (await RefuseUnlessAdminAsync(actor) is { } refused)
        {
            return refused;
        }

        if (userName.Length == 0)
        {
            return AccountResult.Failed("Give a user name.");
        }

        if (roleNames.Count == 0)
        {
            return AccountResult.Failed($"Give at least one role: {string.Join(", ", Roles.All)}.");
        }

        if (roleNames.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            return AccountResult.Failed($"Unknown role '{unknown}'. Use one of: {string.Join(", ", Roles.All)}.");
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            return AccountResult.Failed($"A user named '{userName}' already exists.");
        }

        await EnsureRolesAsync();
        var granted = InRoleOrder(roleNames);
        var result = await InTransactionAsync(async () =>
        {
            var user = new ApplicationUser { UserName = userName };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return created;
            }

            if (granted.Contains(Roles.Radiologist))
            {
                await ReadingPanels.FixStartedScansInAsync(db, actor, $"before adding radiologist {userName}", time.GetUtcNow());
            }

            var assigned = await users.AddToRolesAsync(user, granted);
            db.Record(actor, AuditAction.Create, AuditEntity.User, userName, null, new { roles = granted }, subjectName: userName);
            return assigned;
        });
        if (result.Succeeded)
        {
            logger.LogInformation("Created account {UserName} with roles {Roles}", userName, string.Join(", ", granted));
        }

        return result;
    }

    /// <summary>Sets a new password (Identity's rules apply); every session of the account ends at once.</summary>
    public async Task<AccountResult> ResetPasswordAsync(string userId, string newPassword, AuditActor actor)
    {
        var (user, refusal) = await FindForChangeAsync(userId, actor);
        if (user is null)
        {
            return refusal!;
        }

        var result = await InTransactionAsync(async () =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, newPassword);
            db.Record(actor, AuditAction.Change, AuditEntity.User, user.UserName!, null, "password reset", subjectName: user.UserName);
            return reset;
        });
        if (result.Succeeded)
        {
            sessions.End(user.Id);
            logger.LogInformation("Password of {UserName} reset by {Actor}", user.UserName, actor.Name);
        }

        return result;
    }

    /// <summary>Grants or removes one role. The last admin keeps the admin role, so the application always has one.</summary>
    public async Task<AccountResult> SetRoleAsync(string userId, string role, bool member, AuditActor actor)
    {
        if (!Roles.All.Contains(role))
        {
            return AccountResult.Failed($"Unknown role '{role}'.");
        }

        var (user, refusal) = await FindForChangeAsync(userId, actor);
        if (user is null)
        {
            return refusal!;
        }

        var before = InRoleOrder(await users.GetRolesAsync(user));
        if (before.Contains(role) == member)
        {
            return AccountResult.Success;
        }

        if (!member && role == Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return AccountResult.Failed($"{user.UserName} is the last admin; make someone else an admin first.");
        }

        await EnsureRolesAsync();
        var after = InRoleOrder(member ? before.Append(role) : before.Where(r => r != role));
        var result = await InTransactionAsync(async () =>
        {
            if (role == Roles.Radiologist)
            {
                var because = member ? $"before adding radiologist {user.UserName}" : $"before removing radiologist {user.UserName}";
                await ReadingPanels.FixStartedScansInAsync(db, actor, because, time.GetUtcNow());
            }

            var changed = member ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
            if (changed.Succeeded)
            {
                changed = await users.UpdateSecurityStampAsync(user);
            }

            db.Record(actor, AuditAction.Change, AuditEntity.Role, user.UserName!, string.Join(", ", before), string.Join(", ", after),
                subjectName: user.UserName);
            return changed;
        });
        if (result.Succeeded)
        {
            // The new security stamp ends every session of the account: it signs in again with its new roles.
            sessions.End(user.Id);
        }

        return result;
    }

    public async Task<AccountResult> UnlockAsync(string userId, AuditActor actor)
    {
        var (user, refusal) = await FindForChangeAsync(userId, actor);
        if (user is null)
        {
            return refusal!;
        }

        var lockedUntil = user.LockoutEnd > time.GetUtcNow() ? user.LockoutEnd : null;
        return await InTransactionAsync(async () =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            if (unlocked.Succeeded)
            {
                unlocked = await users.ResetAccessFailedCountAsync(user);
            }

            db.Record(actor, AuditAction.Change, AuditEntity.User, user.UserName!,
                lockedUntil is { } until ? $"locked until {until:u}" : $"{user.AccessFailedCount} failed sign-ins", "unlocked",
                subjectName: user.UserName);
            return unlocked;
        });
    }

    private async Task<(ApplicationUser? User, AccountResult? Refusal)> FindForChangeAsync(string userId, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await RefuseUnlessAdminAsync(actor) is { } refused)
        {
            return (null, refused);
        }

        return await users.FindByIdAsync(userId) is { } user ? (user, null) : (null, AccountResult.Failed("No such user."));
    }

    /// <summary>A signed-in actor must hold the admin role now, whatever their session still says.</summary>
    private async Task<AccountResult?> RefuseUnlessAdminAsync(AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is null)
        {
            return null;
        }

        return await users.FindByIdAsync(actor.UserId) is { } user && await users.IsInRoleAsync(user, Roles.Admin)
            ? null
            : AccountResult.Failed("Only an admin may change accounts.");
    }

    private async Task<AccountResult> InTransactionAsync(Func<Task<IdentityResult>> change)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await change();
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return AccountResult.Failed(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return AccountResult.Success;
    }

    private static List<string> InRoleOrder(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return Roles.All.Where(set.Contains).ToList();
    }
}
