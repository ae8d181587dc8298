using BlendSign.Data.Import;

namespace BlendSign.Data.Tests.Import;

public class ScanPseudonymsTests
{
    [Fact]
    public void Next_NoScans_StartsAtOne()
    {
        Assert.Equal("SCAN-0001", ScanPseudonyms.Format(ScanPseudonyms.Next([])));
    }

    [Fact]
    public void Next_IdsOfOtherForms_AreIgnored()
    {
        Assert.Equal(13, ScanPseudonyms.Next(["SCAN-0002", "SCAN-0012", "DEMO-0500", "SCAN-ABC", "SCAN-0007"]));
    }

    [Fact]
    public void Format_BeyondFourDigits_KeepsAllDigits()
    {
        Assert.Equal("SCAN-12345", ScanPseudonyms.Format(12345));
    }
}
