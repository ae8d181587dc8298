using System.CommandLine;
using BlendSign.Data.Accounts;
using BlendSign.Web.Accounts;

namespace BlendSign.Web.Cli.Verbs;

/// <summary><c>users add NAME --role R</c>; the password is read from standard input.</summary>
public sealed class UsersVerb : ICliVerb
{
    public string Name => "users";

    public Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The new account's user name." };
        var role = new Option<string>("--role")
        {
            Description = $"One of: {string.Join(", ", Roles.All)}.",
            Required = true,
        };
        var add = new Command("add", "Create an account; the password is read from standard input.") { name, role };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var password = (await context.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                await context.Error.WriteLineAsync("No password on standard input.");
                return 1;
            }

            var services = await context.GetServicesAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var result = await accounts.CreateAsync(parse.GetValue(name)!, parse.GetValue(role)!, password);
            if (!result.Succeeded)
            {
                await context.Error.WriteLineAsync(result.Error);
                return 1;
            }

            await context.Out.WriteLineAsync($"Created {parse.GetValue(name)} ({parse.GetValue(role)}).");
            return 0;
        });

        return new Command(Name, "Manage accounts.") { add };
    }
}
