using BlendSign.Web.Features.Admin;

namespace BlendSign.Web.Tests.Features.Admin;

public sealed class AuditValueTextTests
{
    [Theory]
    [InlineData("{\"label\":\"blend_sign\",\"status\":\"adjudicated\",\"note\":null}", "label blend_sign · status adjudicated")]
    [InlineData("{\"roles\":[\"lead\",\"admin\"]}", "roles lead, admin")]
    [InlineData("\"password reset\"", "password reset")]
    [InlineData("{\"box_count\":2,\"excluded\":true}", "box count 2 · excluded yes")]
    [InlineData(null, "–")]
    [InlineData("every radiologist", "every radiologist")]
    public void Format_StoredJson_ReadableText(string? stored, string expected) =>
        Assert.Equal(expected, AuditValueText.Format(stored));
}
