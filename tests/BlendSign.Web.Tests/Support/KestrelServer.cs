using BlendSign.Data.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Support;

/// <summary>
/// The real server on Kestrel at a free loopback port, on a data directory and database the test prepared (no demo seeding): for
/// clients that need real sockets, such as <c>bench load</c>.
/// </summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly Factory _factory;

    public KestrelServer(TestDatabase database)
    {
        _factory = new Factory(database);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private sealed class Factory(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("BlendSign:Demo", "false");
            // Short-lived servers: the few that build a model check the CPU's fast path then (CpuFastPathGuard).
            builder.UseSetting("BlendSign:Model:CpuFastPath:CheckAtStart", "false");
        }
    }
}
