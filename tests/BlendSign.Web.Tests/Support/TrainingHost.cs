using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BlendSign.Web.Tests.Support;

/// <summary>
/// The real server (hosted training worker included, unless <paramref name="settings"/> turn it off) on a data directory
/// the test owns, so a second host can start on the same data as after a restart.
/// </summary>
internal sealed class TrainingHost(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("BlendSign:DataDirectory", dataDirectory);
        builder.UseSetting("BlendSign:Demo", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
