using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Configuration;
using BlendSign.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Demo;

/// <summary>The demo's accounts (<see cref="DemoAccounts.All"/>): created once, with the configured password or a generated one.</summary>
public sealed class DemoAccountSeeder(AccountService accounts, UserManager<ApplicationUser> users, IOptions<BlendSignOptions> options)
{
    public async Task<(IReadOnlyList<DemoAccount> Accounts, string? GeneratedPassword)> EnsureAsync()
    {
        var configured = options.Value.DemoPassword;
        var password = string.IsNullOrEmpty(configured) ? DemoAccounts.NewPassword() : configured;
        await accounts.EnsureRolesAsync();
        var result = new List<DemoAccount>();
        foreach (var (userName, role) in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                result.Add(new DemoAccount(userName, role, Created: false));
                continue;
            }

            var created = await accounts.CreateAsync(userName, role, password, AuditActor.System(AuditSources.Demo));
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the demo account '{userName}': {created.Error}");
            }

            result.Add(new DemoAccount(userName, role, Created: true));
        }

        var generated = string.IsNullOrEmpty(configured) && result.Any(a => a.Created) ? password : null;
        return (result, generated);
    }
}
