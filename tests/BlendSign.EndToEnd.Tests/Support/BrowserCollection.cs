namespace BlendSign.EndToEnd.Tests.Support;

/// <summary>One Chromium for every browser test; the tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "browser";
}
