using System.Net;
using System.Net.Http.Json;
using System.Text;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Reading;

/// <summary>
/// <c>/api/reading</c>: the label write goes through ReadingService as the viewer's does (assignment, blinding,
/// audit); refusals change nothing; only radiologists, only with the client header, only their own reads.
/// </summary>
public sealed class ReadingEndpointTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    [Fact]
    public async Task PutLabel_AssignedRadiologist_SavedInTheDatabaseWithOneAuditEntryPerChange()
    {
        var sop = await AddScanAsync("41.1", assignedTo: "api-rater-1");
        using var client = await factory.CreateClientAsync("api-rater-1", Roles.Radiologist);

        var first = await PutLabelAsync(client, sop, "normal_ich");
        var again = await PutLabelAsync(client, sop, "normal_ich");
        var changed = await PutLabelAsync(client, sop, "blend_sign");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(LabelResponse.Ok, await first.Content.ReadFromJsonAsync<LabelResponse>(ReadingApiContract.Json));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([("api-rater-1", HemorrhageClass.BlendSign)], await LabelsAsync(sop));
        Assert.Equal(
            [$"Create {sop} api-rater-1:  -> normal_ich (api-rater-1/api)", $"Change {sop} api-rater-1: normal_ich -> blend_sign (api-rater-1/api)"],
            await AuditAsync(sop));
    }

    [Theory]
    [InlineData("{\"label\":\"bleed\"}")]
    [InlineData("{\"label\":null}")]
    [InlineData("not json")]
    public async Task PutLabel_UnknownLabelOrBody_400UnknownClassAndNothingWritten(string body)
    {
        var sop = await AddScanAsync($"42.{body.Length}", assignedTo: "api-rater-2");
        using var client = await factory.CreateClientAsync("api-rater-2", Roles.Radiologist);

        var response = await client.SendAsync(Put(sop, new StringContent(body, Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<LabelResponse>(ReadingApiContract.Json);
        Assert.False(answer!.Saved);
        Assert.Equal("unknown_class", answer.Refusal);
        Assert.Contains("non_ich, normal_ich, blend_sign", answer.Error);
        Assert.Empty(await LabelsAsync(sop));
        Assert.Empty(await AuditAsync(sop));
    }

    [Fact]
    public async Task PutLabel_RaterTheScanIsNotAssignedTo_TheSameAnswerAsAnUnknownUid_AndNothingWritten()
    {
        await factory.CreateUserAsync("api-rater-3", Roles.Radiologist);
        var sop = await AddScanAsync("43.1", assignedTo: "api-rater-3");
        using var client = await factory.CreateClientAsync("api-rater-4", Roles.Radiologist);

        var response = await PutLabelAsync(client, sop, "non_ich");

        var unknown = await PutLabelAsync(client, "9.9.9.9", "non_ich");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<LabelResponse>(ReadingApiContract.Json);
        Assert.Equal(new LabelResponse(false, "unknown_slice", "No slice on your worklist has that SOP Instance UID; nothing was saved."), answer);
        Assert.Equal(answer, await unknown.Content.ReadFromJsonAsync<LabelResponse>(ReadingApiContract.Json));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await LabelsAsync(sop));
        Assert.Empty(await AuditAsync(sop));
    }

    [Fact]
    public async Task PutLabel_WithoutTheClientHeader_400AndNothingWritten()
    {
        var sop = await AddScanAsync("44.1", assignedTo: "api-rater-5");
        using var client = await factory.CreateClientAsync("api-rater-5", Roles.Radiologist);

        var response = await client.PutAsJsonAsync(ReadingApiContract.LabelPath(sop), new LabelRequest("non_ich"), ReadingApiContract.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(ReadingApiContract.ClientHeader, (await response.Content.ReadFromJsonAsync<LabelResponse>(ReadingApiContract.Json))!.Error);
        Assert.Empty(await LabelsAsync(sop));
        Assert.Empty(await AuditAsync(sop));
    }

    [Fact]
    public async Task PutLabel_UnknownSop_404UnknownSlice()
    {
        using var client = await factory.CreateClientAsync("api-rater-6", Roles.Radiologist);

        var response = await PutLabelAsync(client, "9.9.9.9", "non_ich");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_slice", (await response.Content.ReadFromJsonAsync<LabelResponse>(ReadingApiContract.Json))!.Refusal);
    }

    [Theory]
    [InlineData(Roles.Lead, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task PutLabel_NotARadiologist_RefusedAndNothingWritten(string? role, HttpStatusCode expected)
    {
        var sop = await AddScanAsync($"45.{role ?? "anonymous"}", assignedTo: null);
        using var client = await factory.CreateClientAsync(role is null ? null : $"api-{role}", role);

        var response = await PutLabelAsync(client, sop, "non_ich");

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await LabelsAsync(sop));
        Assert.Empty(await AuditAsync(sop));
    }

    [Fact]
    public async Task GetWorklist_Radiologist_OwnScansSlicesAndOwnLabelsOnly()
    {
        await factory.CreateUserAsync("api-rater-7", Roles.Radiologist);
        await factory.CreateUserAsync("api-rater-8", Roles.Radiologist);
        var mine = await AddScanAsync("46.1", assignedTo: "api-rater-7", slices: 2);
        var theirs = await AddScanAsync("46.2", assignedTo: "api-rater-8");
        using var other = await factory.CreateClientAsync("api-rater-8", Roles.Radiologist);
        using var client = await factory.CreateClientAsync("api-rater-7", Roles.Radiologist);
        Assert.Equal(HttpStatusCode.OK, (await PutLabelAsync(client, mine, "blend_sign")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutLabelAsync(other, theirs, "non_ich")).StatusCode);

        var worklist = await client.GetFromJsonAsync<WorklistResponse>(ReadingApiContract.WorklistPath, ReadingApiContract.Json);

        // Scans of other tests in this fixture without assignment rows go to every radiologist; the other rater's scan never does.
        Assert.DoesNotContain(worklist!.Scans, s => s.PseudonymousId == "SCAN-46.2");
        var scan = Assert.Single(worklist.Scans, s => s.PseudonymousId == "SCAN-46.1");
        Assert.False(scan.Excluded);
        Assert.Equal([new WorklistSliceJson("46.1.0", 0, "blend_sign"), new WorklistSliceJson("46.1.1", 1, null)], scan.Slices);
        Assert.DoesNotContain(worklist.Scans.SelectMany(s => s.Slices), s => s.Label == "non_ich");
    }

    private static HttpRequestMessage Put(string sop, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, ReadingApiContract.LabelPath(sop)) { Content = content };
        request.Headers.Add(ReadingApiContract.ClientHeader, "test");
        return request;
    }

    private static Task<HttpResponseMessage> PutLabelAsync(HttpClient client, string sop, string label) =>
        client.SendAsync(Put(sop, JsonContent.Create(new LabelRequest(label), options: ReadingApiContract.Json)));

    /// <summary>A scan of <paramref name="slices"/> slices (SOP UIDs <c>{root}.{i}</c>) on one rater's worklist, or everybody's; the first slice's SOP UID.</summary>
    private async Task<string> AddScanAsync(string root, string? assignedTo, int slices = 1)
    {
        _ = factory.Services;
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>();
        var scanId = RatingSeed.AddScan(dbFactory, root, slices).Id;

        if (assignedTo is not null)
        {
            await factory.AssignOnlyAsync(scanId, assignedTo);
        }

        return $"{root}.0";
    }

    private async Task<List<(string Rater, HemorrhageClass Label)>> LabelsAsync(string sop)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        return (await db.SliceLabels.Where(l => l.Slice.SopInstanceUid == sop).Select(l => new { l.Rater.UserName, l.Label }).ToListAsync())
            .Select(l => (l.UserName!, l.Label))
            .ToList();
    }

    private async Task<List<string>> AuditAsync(string sop)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BlendSignDbContext>>().CreateDbContextAsync();
        return (await db.AuditEntries.Where(e => e.Entity == AuditEntity.Label && e.EntityKey == sop).OrderBy(e => e.Id).ToListAsync())
            .Select(e => $"{e.Action} {e.EntityKey} {e.SubjectName}: {e.OldValue} -> {e.NewValue} ({e.ActorName}/{e.Source})")
            .ToList();
    }
}
