using BlendSign.Data.Configuration;
using BlendSign.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlendSign.Data.Tests.Persistence;

public sealed class DatabaseProviderSettingsTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_RefusedWithTheSettingToSet()
    {
        var error = await StartAsync(("BlendSign:DatabaseProvider", "postgres"), ("ConnectionStrings:BlendSign", ""));

        Assert.Contains("ConnectionStrings:BlendSign is empty", error.Message);
    }

    [Fact]
    public async Task Start_UnknownProvider_RefusedWithTheKnownOnes()
    {
        var error = await StartAsync(("BlendSign:DatabaseProvider", "oracle"));

        Assert.Contains("'sqlite' or 'postgres'", error.Message);
    }

    /// <summary>Starts a host with the data layer as the server and the verbs add it; options are validated at start.</summary>
    private async Task<OptionsValidationException> StartAsync(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", Args = [] });
        builder.Configuration.AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Append(KeyValuePair.Create("BlendSign:DataDirectory", (string?)_data.Path)));
        builder.AddBlendSignData();
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    public void Dispose() => _data.Dispose();
}
