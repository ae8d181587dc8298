using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Import;
using BlendSign.Tests.Shared;
using BlendSign.Web.Features.Import;
using BlendSign.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlendSign.Web.Tests.Features.Import;

/// <summary><c>POST /api/import/uploads</c>: streamed to disk, imported in the background under the uploaded names, then removed.</summary>
public sealed class UploadEndpointTests(BlendSignWebFactory factory) : IClassFixture<BlendSignWebFactory>
{
    [Fact]
    public async Task Upload_AsLead_ImportedUnderTheUploadedNamesWithCsvVerdictsAndNoFileLeftBehind()
    {
        using var client = await factory.CreateClientAsync("upload-lead", Roles.Lead);
        using var form = Form(("scan/CT_small.dcm", await File.ReadAllBytesAsync(PydicomTestFiles.CtSmall)), ("notes.txt", "hello"u8.ToArray()));

        var response = await client.SendAsync(Upload(form));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = answer.RootElement.GetProperty("job").GetString()!;
        Assert.Equal(2, answer.RootElement.GetProperty("files").GetInt32());
        var jobs = factory.Services.GetRequiredService<ImportJobs>();
        var job = await jobs.EndedAsync(jobs.Find(id)!);
        Assert.Equal(ImportJobState.Completed, job.State);
        Assert.Equal(
            [("scan/CT_small.dcm", ImportItemStatus.Imported), ("notes.txt", ImportItemStatus.Rejected)],
            job.Report!.Items.Select(i => (i.File, i.Status)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(factory.DataDirectory, "uploads")));
        var csv = await client.GetStringAsync($"/api/import/jobs/{id}/verdicts.csv");
        Assert.Equal("file,status,sop_instance_uid,reason\n"
            + $"scan/CT_small.dcm,imported,{job.Report.Items[0].SopInstanceUid},\n"
            + "notes.txt,rejected,,not a DICOM file\n", csv);
        await using var db = factory.Database.CreateDbContext();
        var audit = await db.AuditEntries.Where(e => e.Entity == AuditEntity.Import && e.ActorName == "upload-lead").SingleAsync();
        Assert.Equal("upload: 2 uploaded files", audit.EntityKey);
        Assert.Contains("\"imported\":1", audit.NewValue, StringComparison.Ordinal);
        Assert.Contains("\"rejected\":1", audit.NewValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_FileNamedLikeASpreadsheetFormula_VerdictsCsvNeutralisesIt()
    {
        using var client = await factory.CreateClientAsync("upload-lead-4", Roles.Lead);
        using var form = Form(("=cmd|' /C calc'!A0.dcm", [1, 2, 3]));

        var response = await client.SendAsync(Upload(form));

        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = answer.RootElement.GetProperty("job").GetString()!;
        var jobs = factory.Services.GetRequiredService<ImportJobs>();
        await jobs.EndedAsync(jobs.Find(id)!);
        var csv = await client.GetStringAsync($"/api/import/jobs/{id}/verdicts.csv");
        Assert.Contains("\n\"'=cmd|' /C calc'!A0.dcm\",rejected,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutThePagesHeader_RefusedAsNotFromTheImportPage()
    {
        using var client = await factory.CreateClientAsync("upload-lead-2", Roles.Lead);
        using var form = Form(("a.dcm", [1, 2, 3]));

        var response = await client.PostAsync("/api/import/uploads", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Uploads come from the /import page.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Roles.Radiologist, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Upload_NotALeadOrAdmin_Refused(string? role, HttpStatusCode expected)
    {
        using var client = await factory.CreateClientAsync(role is null ? null : $"upload-{role}", role);
        using var form = Form(("a.dcm", [1, 2, 3]));

        var response = await client.SendAsync(Upload(form));

        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Upload_OverTheConfiguredLimit_413AndNothingKeptOrImported()
    {
        using var small = new BlendSignWebFactory { Settings = new Dictionary<string, string?> { ["BlendSign:Import:Upload:MaxUploadMegabytes"] = "1" } };
        using var client = await small.CreateClientAsync("upload-lead-3", Roles.Lead);
        using var form = Form(("big.dcm", new byte[(1 << 20) + 1]));

        var response = await client.SendAsync(Upload(form));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the limit of 1 MB", await response.Content.ReadAsStringAsync());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(small.DataDirectory, "uploads")));
        Assert.Empty(small.Services.GetRequiredService<ImportJobs>().Recent());
    }

    private static HttpRequestMessage Upload(HttpContent form) => new(HttpMethod.Post, "/api/import/uploads")
    {
        Content = form,
        Headers = { { ImportEndpoints.UploadHeader, "1" } },
    };

    private static MultipartFormDataContent Form(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }
}
