using System.CommandLine;

namespace BlendSign.Web.Cli;

public static class CliApplication
{
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (CliVerbs.Names.Contains(args[0]) || args[0] is "--help" or "-h" or "-?" or "--version");

    public static async Task<int> RunAsync(string[] args, CliContext? context = null, CancellationToken cancellationToken = default)
    {
        await using var owned = context is null ? new CliContext() : null;
        var active = context ?? owned!;
        var root = new RootCommand("BlendSign: head-CT hemorrhage reading, agreement and training. No verb runs the server.");
        foreach (var verb in CliVerbs.Create())
        {
            root.Subcommands.Add(verb.Create(active));
        }

        var configuration = new InvocationConfiguration
        {
            Output = active.Out,
            Error = active.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await active.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A person reads this: one line, no stack trace.
            await active.Error.WriteLineAsync($"error: {exception.Message}");
            return 1;
        }
    }
}
