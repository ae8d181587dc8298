using System.IO.Compression;
using System.Net;
using System.Runtime.InteropServices;
using BlendSign.Data.Accounts;
using BlendSign.Data.Dicom;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Reading;

/// <summary>
/// The slice routes (stored HU and rendered PNG) serve a radiologist only slices of scans on their worklist; another
/// rater's slice gets the same 404 as a slice that does not exist. Unblinded roles read every slice.
/// </summary>
public sealed class SliceAccessEndpointTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    private static readonly HuSlice Values = new(4, 3, [-1000, -20, 0, 18, 40, 75, 1000, 2000, short.MinValue, short.MaxValue, 1, -1], 1, -1024);

    [Fact]
    public async Task GetHu_AssignedRadiologist_StoredValuesGzippedWithTheRescaleAndSpacing()
    {
        var sop = await AddScanAsync("61.1", assignedTo: "hu-rater-1");
        using var client = await factory.CreateClientAsync("hu-rater-1", Roles.Radiologist);

        var response = await client.GetAsync(HuPath(sop));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal((true, TimeSpan.FromDays(1)), (response.Headers.CacheControl!.Private, response.Headers.CacheControl.MaxAge));
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(("4", "3", "1", "-1024", "0.5\\0.625"), (Header(response, "X-Hu-Rows"), Header(response, "X-Hu-Columns"),
            Header(response, "X-Hu-Slope"), Header(response, "X-Hu-Intercept"), Header(response, "X-Hu-Pixel-Spacing")));
        Assert.Equal(Values.Stored, await StoredAsync(response));
    }

    [Fact]
    public async Task GetHu_SameETagAgain_304()
    {
        var sop = await AddScanAsync("62.1", assignedTo: "hu-rater-2");
        using var client = await factory.CreateClientAsync("hu-rater-2", Roles.Radiologist);
        var first = await client.GetAsync(HuPath(sop));

        using var again = new HttpRequestMessage(HttpMethod.Get, HuPath(sop));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("hu")]
    [InlineData("image")]
    public async Task GetSlice_RadiologistOfAnotherWorklist_SameNotFoundAsAnUnknownSlice(string route)
    {
        // The other rater exists first: a scan assigned to every radiologist there is stays everyone's.
        using var other = await factory.CreateClientAsync("hu-rater-4", Roles.Radiologist);
        var sop = await AddScanAsync($"63.{route.Length}", assignedTo: "hu-rater-3");

        var refused = await other.GetAsync($"/api/slices/{sop}/{route}");
        var unknown = await other.GetAsync($"/api/slices/9.9.9.9/{route}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Admin)]
    public async Task GetHu_UnblindedRole_AnySlice(string role)
    {
        var sop = await AddScanAsync($"64.{role.Length}", assignedTo: "hu-rater-5");
        using var client = await factory.CreateClientAsync($"hu-{role}", role);

        var response = await client.GetAsync(HuPath(sop));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Values.Stored, await StoredAsync(response));
    }

    private static string HuPath(string sop) => $"/api/slices/{sop}/hu";

    private static string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));

    private static async Task<short[]> StoredAsync(HttpResponseMessage response)
    {
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        await gzip.CopyToAsync(raw);
        return MemoryMarshal.Cast<byte, short>(raw.ToArray()).ToArray();
    }

    /// <summary>A one-slice scan whose pixels are <see cref="Values"/>, on one rater's worklist; its SOP UID.</summary>
    private async Task<string> AddScanAsync(string root, string assignedTo)
    {
        _ = factory.Services;
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>();
        var scanId = RatingSeed.AddScan(dbFactory, root, 1).Id;
        var key = factory.Services.GetRequiredService<SliceStore>().Put(Values);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Slices.Where(s => s.ScanId == scanId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.StoreKey, key).SetProperty(x => x.Rows, Values.Rows).SetProperty(x => x.Columns, Values.Columns)
                .SetProperty(x => x.PixelSpacingRow, 0.5).SetProperty(x => x.PixelSpacingColumn, 0.625));
        }

        await factory.AssignOnlyAsync(scanId, assignedTo);
        return $"{root}.0";
    }
}
