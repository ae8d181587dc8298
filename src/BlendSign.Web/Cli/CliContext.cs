using BlendSign.Web.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace BlendSign.Web.Cli;

// The host is built on first use, so --help touches nothing. Logs go to standard error, results to standard output.
public sealed class CliContext : IAsyncDisposable
{
    private HostApplicationBuilder? _builder;
    private IHost? _host;

    public TextWriter Out { get; init; } = Console.Out;
    public TextWriter Error { get; init; } = Console.Error;
    public TextReader In { get; init; } = Console.In;

    /// <summary>Extra configuration (tests point the data directory somewhere else).</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationOverrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>The configuration the verbs' services see (appsettings.json, the environment, the overrides), without starting them: for defaults in <c>--help</c>.</summary>
    public IConfiguration Configuration => Builder.Configuration;

    private HostApplicationBuilder Builder
    {
        get
        {
            if (_builder is null)
            {
                _builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
                {
                    ContentRootPath = AppContext.BaseDirectory,
                    Args = [],
                });
                _builder.Configuration.AddInMemoryCollection(ConfigurationOverrides);
            }

            return _builder;
        }
    }

    public async Task<IServiceProvider> GetServicesAsync(CancellationToken cancellationToken)
    {
        if (_host is null)
        {
            var builder = Builder;
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.SingleLine = true);
            builder.AddBlendSignCore();
            _host = builder.Build();
            await _host.Services.InitializeDatabaseAsync(cancellationToken);
        }

        return _host.Services;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await CastAndDispose(_host);
        }

        static async ValueTask CastAndDispose(IHost host)
        {
            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }
}
