using BlendSign.Data.Tests.Support;
using BlendSign.Web.Cli;

namespace BlendSign.Web.Tests.Cli;

/// <summary>Runs verbs in-process against a scratch data directory, capturing standard output and error.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">Configuration beside the scratch data directory, e.g. <c>BlendSign:Import:Decoder:TimeoutSeconds</c>.</param>
    public CliRunner(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public string DataDirectory => _database.Paths.Root;

    /// <summary>The database the verbs write, to check what they did.</summary>
    public TestDatabase Database => _database;

    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs a verb with <paramref name="input"/> as its standard input (a password, say).</summary>
    public async Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        await using var context = new CliContext
        {
            Out = output,
            Error = error,
            In = reader,
            ConfigurationOverrides = new Dictionary<string, string?>(_settings.Concat(_database.Settings)),
        };
        var exitCode = await CliApplication.RunAsync(args, context);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        _database.Dispose();
    }
}
