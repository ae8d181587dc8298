using BlendSign.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Tests.Hosting;

public class DatabaseProviderSettingsTests
{
    [Fact]
    public void Start_PostgresWithoutConnectionString_RefusedWithTheSettingToSet()
    {
        using var factory = new BlendSignWebFactory
        {
            Settings = new Dictionary<string, string?> { ["BlendSign:DatabaseProvider"] = "postgres", ["ConnectionStrings:BlendSign"] = "" },
        };

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("ConnectionStrings:BlendSign is empty", error.Message);
    }

    [Fact]
    public void Start_UnknownProvider_RefusedWithTheKnownOnes()
    {
        using var factory = new BlendSignWebFactory { Settings = new Dictionary<string, string?> { ["BlendSign:DatabaseProvider"] = "oracle" } };

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("'sqlite' or 'postgres'", error.Message);
    }
}
