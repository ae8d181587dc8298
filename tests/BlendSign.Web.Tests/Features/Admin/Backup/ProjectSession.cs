using BlendSign.Data.Tests.Support;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Tests.Features.Admin.Backup;

/// <summary>One verbs host on a test database, kept across commands (exporting every slice starts no host per slice).</summary>
internal sealed class ProjectSession(TestDatabase database) : IAsyncDisposable
{
    private readonly CliContext _context = new()
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        ConfigurationOverrides = new Dictionary<string, string?>(database.Settings)
        {
            ["BlendSign:Training:BatchSize"] = "4",
            ["BlendSign:Training:Threads"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        },
    };

    public Task<IServiceProvider> ServicesAsync() => _context.GetServicesAsync(CancellationToken.None);

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        await using var context = new CliContext { Out = output, Error = error, ConfigurationOverrides = _context.ConfigurationOverrides };
        var exitCode = await CliApplication.RunAsync(args, context);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs on the kept host; only the exit code, for commands whose output is a file.</summary>
    public Task<int> RunOnKeptHostAsync(params string[] args) => CliApplication.RunAsync(args, _context);

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
