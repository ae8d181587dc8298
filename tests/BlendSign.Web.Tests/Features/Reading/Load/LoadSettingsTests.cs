using BlendSign.Web.Features.Reading.Load;

namespace BlendSign.Web.Tests.Features.Reading.Load;

public sealed class LoadSettingsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/scans", "http://localhost:5000/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/")]
    [InlineData("https://127.0.0.2:8443", "https://127.0.0.2:8443/")]
    public void TryParseServer_ThisMachine_TheBaseAddress(string url, string expected)
    {
        var (server, error) = LoadSettings.TryParseServer(url);

        Assert.Null(error);
        Assert.Equal(expected, server!.ToString());
    }

    [Theory]
    [InlineData("http://example.com:5000", "not example.com")]
    [InlineData("http://10.1.2.3:5000", "not 10.1.2.3")]
    [InlineData("http://localhost.example.com", "not localhost.example.com")]
    [InlineData("ftp://127.0.0.1", "--url takes an http:// address")]
    [InlineData("127.0.0.1:5000", "--url takes an http:// address")]
    public void TryParseServer_AnywhereElse_RefusedWithTheReason(string url, string reason)
    {
        var (server, error) = LoadSettings.TryParseServer(url);

        Assert.Null(server);
        Assert.Contains(reason, error);
    }
}
