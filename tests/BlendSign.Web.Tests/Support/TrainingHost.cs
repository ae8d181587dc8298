using BlendSign.Data.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BlendSign.Web.Tests.Support;

/// <summary>
/// The real server (hosted training worker included, unless <paramref name="settings"/> turn it off) on a data directory
/// the test owns, so a second host can start on the same data as after a restart.
/// </summary>
internal sealed class TrainingHost(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
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
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
