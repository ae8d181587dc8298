using BlendSign.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>
/// The real server on Kestrel (a free loopback port) with a small demo seeded at its first start, in a scratch
/// data directory. <see cref="RestartAsync"/> stops it and starts a new one on the same data, as a restart would.
/// </summary>
public sealed class DemoServer : IAsyncLifetime
{
    public const string DemoPassword = "Demo-password-1";
    public const int DemoScans = 4;

    private readonly TempDirectory _dataDirectory = new();
    private Factory? _factory;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running server's services, for a test to add data as the command line would.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>The server's data directory.</summary>
    public string DataDirectory => _dataDirectory.Path;

    public Task InitializeAsync()
    {
        Start();
        return Task.CompletedTask;
    }

    public async Task RestartAsync()
    {
        await _factory!.DisposeAsync();
        Start();
    }

    private void Start()
    {
        _factory = new Factory(_dataDirectory.Path);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dataDirectory.Dispose();
    }

    private sealed class Factory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("BlendSign:DataDirectory", dataDirectory);
            builder.UseSetting("BlendSign:Demo", "true");
            builder.UseSetting("BlendSign:DemoScans", DemoScans.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("BlendSign:DemoPassword", DemoPassword);
            // As scripts/start-demo.sh: the Training page's defaults sized for a CPU.
            builder.UseSetting("BlendSign:Training:Folds", "3");
            builder.UseSetting("BlendSign:Training:Epochs", "1");
            builder.UseSetting("BlendSign:Training:ImageSize", "64");
        }
    }
}
