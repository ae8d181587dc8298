using BlendSign.Data.Tests.Support;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Tests.Cli;

/// <summary>Runs one command line against a test database's data directory and captures its output.</summary>
internal static class CliRun
{
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(TestDatabase database, params string[] args) =>
        RunWithInputAsync(database, "", args);

    /// <summary>Runs with <paramref name="input"/> on standard input (a password, for example).</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(TestDatabase database, string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        await using var context = new CliContext
        {
            Out = output,
            Error = error,
            In = new StringReader(input),
            ConfigurationOverrides = new Dictionary<string, string?>(database.Settings),
        };
        var exitCode = await CliApplication.RunAsync(args, context);
        return (exitCode, output.ToString(), error.ToString());
    }
}
