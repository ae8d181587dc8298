using System.CommandLine;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Features.Admin;

/// <summary>Outside the demo this is how the first admin is made; audited as the operating-system account that ran it.</summary>
public sealed class UsersVerb : ICliVerb
{
    public string Name => "users";

    public Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The new account's user name." };
        var role = new Option<string[]>("--role")
        {
            Description = $"One of: {string.Join(", ", Roles.All)}; repeat it for several roles.",
            Required = true,
        };
        var add = new Command("add", "Create an account; the password is read from standard input.") { name, role };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var password = await CliCredentials.ReadPasswordAsync(context, cancellationToken);
            if (password is null)
            {
                await context.Error.WriteLineAsync("No password on standard input.");
                return 1;
            }

            var services = await context.GetServicesAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var roles = parse.GetValue(role)!;
            var result = await accounts.CreateAsync(parse.GetValue(name)!, roles, password, CliActor.For(AuditSources.Cli));
            if (!result.Succeeded)
            {
                await context.Error.WriteLineAsync(result.Error);
                return 1;
            }

            await context.Out.WriteLineAsync($"Created {parse.GetValue(name)!.Trim()} ({string.Join(", ", roles)}).");
            return 0;
        });

        return new Command(Name, "Manage accounts.") { add, CreateUnlock(context) };
    }

    /// <summary>Works whatever the web sign-in's state: the way back in for an admin whose account is locked out.</summary>
    private static Command CreateUnlock(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The account to unlock." };
        var unlock = new Command("unlock", "Clear an account's lockout and its count of failed sign-ins.") { name };
        unlock.SetAction(async (parse, cancellationToken) =>
        {
            var services = await context.GetServicesAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var userName = parse.GetValue(name)!.Trim();
            var account = (await accounts.ListAsync(cancellationToken)).FirstOrDefault(a => a.UserName == userName);
            if (account is null)
            {
                await context.Error.WriteLineAsync($"No account is named {userName}.");
                return 1;
            }

            var result = await accounts.UnlockAsync(account.Id, CliActor.For(AuditSources.Cli));
            if (!result.Succeeded)
            {
                await context.Error.WriteLineAsync(result.Error);
                return 1;
            }

            await context.Out.WriteLineAsync($"Unlocked {userName}.");
            return 0;
        });
        return unlock;
    }
}
