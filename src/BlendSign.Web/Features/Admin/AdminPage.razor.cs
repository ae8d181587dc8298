using BlendSign.Data.Audit;
using BlendSign.Web.Layout.Account;
using BlendSign.Web.Layout.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Features.Admin;

/// <summary>Every action runs in a fresh scope (its own short-lived context) through <see cref="AccountService"/>, which checks the admin role again.</summary>
public partial class AdminPage
{
    private readonly HashSet<string> _newRoles = [];
    private IReadOnlyList<AccountSummary> _accounts = [];
    private string _newName = "";
    private string _newPassword = "";
    private string _resetPassword = "";
    private AccountSummary? _resetFor;
    private PageMessage? _message;
    private bool _busy;

    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject]
    private IOptions<IdentityOptions> IdentityOptions { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string PasswordRules => PasswordRuleText.Describe(IdentityOptions.Value.Password);

    protected override Task OnInitializedAsync() => RefreshAsync();

    private void ToggleNewRole(string role, bool on)
    {
        if (on)
        {
            _newRoles.Add(role);
        }
        else
        {
            _newRoles.Remove(role);
        }
    }

    private async Task CreateAsync()
    {
        var name = _newName.Trim();
        var roles = _newRoles.ToList();
        if (await RunAsync((accounts, actor) => accounts.CreateAsync(name, roles, _newPassword, actor), $"Created {name} ({string.Join(", ", roles)})."))
        {
            (_newName, _newPassword) = ("", "");
            _newRoles.Clear();
        }
    }

    private Task SetRoleAsync(AccountSummary account, string role, bool member) =>
        RunAsync((accounts, actor) => accounts.SetRoleAsync(account.Id, role, member, actor),
            member ? $"{account.UserName} is now {role}." : $"{account.UserName} is no longer {role}.");

    private Task UnlockAsync(AccountSummary account) =>
        RunAsync((accounts, actor) => accounts.UnlockAsync(account.Id, actor), $"{account.UserName} can sign in again.");

    private async Task ResetPasswordAsync()
    {
        if (_resetFor is not { } target)
        {
            return;
        }

        if (await RunAsync((accounts, actor) => accounts.ResetPasswordAsync(target.Id, _resetPassword, actor), $"New password set for {target.UserName}."))
        {
            (_resetFor, _resetPassword) = (null, "");
        }
    }

    private async Task<bool> RunAsync(Func<AccountService, AuditActor, Task<AccountResult>> change, string success)
    {
        _busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ToAuditActor();
            AccountResult result;
            await using (var scope = ScopeFactory.CreateAsyncScope())
            {
                result = await change(scope.ServiceProvider.GetRequiredService<AccountService>(), actor);
            }

            _message = result.Succeeded ? new PageMessage(success, false) : new PageMessage(result.Error ?? "Nothing was changed.", true);
            await RefreshAsync();
            return result.Succeeded;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RefreshAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        _accounts = await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync();
    }
}
