using BlendSign.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace BlendSign.Web.Accounts;

/// <summary>Creates accounts and makes sure the application's roles exist.</summary>
public sealed class AccountService(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, ILogger<AccountService> logger)
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

    /// <summary>Creates <paramref name="userName"/> with one role; refuses unknown roles, taken names and weak passwords.</summary>
    public async Task<AccountResult> CreateAsync(string userName, string role, string password)
    {
        if (!Roles.All.Contains(role))
        {
            return AccountResult.Failed($"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            return AccountResult.Failed($"A user named '{userName}' already exists.");
        }

        await EnsureRolesAsync();
        var user = new ApplicationUser { UserName = userName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountResult.Failed(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var assigned = await users.AddToRoleAsync(user, role);
        if (!assigned.Succeeded)
        {
            await users.DeleteAsync(user);
            return AccountResult.Failed(string.Join(" ", assigned.Errors.Select(e => e.Description)));
        }

        logger.LogInformation("Created account {UserName} with role {Role}", userName, role);
        return AccountResult.Success;
    }
}

public sealed record AccountResult(bool Succeeded, string? Error)
{
    public static AccountResult Success { get; } = new(true, null);
    public static AccountResult Failed(string error) => new(false, error);
}
