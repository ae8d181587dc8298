using System.Security.Claims;
using System.Text;
using BlendSign.Data.Configuration;
using BlendSign.Data.Csv;
using BlendSign.Data.Import;
using BlendSign.Data.Persistence;
using BlendSign.Web.Layout.Account;
using BlendSign.Web.Features.Gold;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BlendSign.Web.Features.Import;

public static class ImportEndpoints
{
    /// <summary>Sent by the /import page's script: a form on another site cannot set it, so no cross-site upload passes.</summary>
    public const string UploadHeader = "X-BlendSign-Upload";

    public const string AssumeCtField = "assume_ct";

    public const string AcceptBurnedInField = "accept_burned_in";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var import = endpoints.MapGroup("/api/import").RequireAuthorization(ExportEndpoints.ExportPolicy);
        import.MapPost("/uploads", UploadAsync);
        import.MapGet("/jobs/{id}/verdicts.csv", async (string id, ImportJobs jobs, HttpContext context) =>
        {
            if (jobs.Find(id)?.Report is not { } report)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            ExportEndpoints.Attachment(context, "text/csv; charset=utf-8", $"import-{id[..8]}-verdicts.csv");
            await context.Response.WriteAsync(VerdictsCsv(report), context.RequestAborted);
        });
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(
        HttpContext context, DataPaths paths, DicomImporter importer, ImportJobs jobs, IOptions<ImportUploadOptions> options,
        IDbContextFactory<BlendSignDbContext> dbFactory)
    {
        if (!context.Request.Headers.ContainsKey(UploadHeader))
        {
            return Refuse(StatusCodes.Status400BadRequest, "Uploads come from the /import page.");
        }

        if (MultipartBoundary(context.Request) is not { } boundary)
        {
            return Refuse(StatusCodes.Status400BadRequest, "An upload is multipart/form-data.");
        }

        var limit = options.Value.MaxUploadBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Room for the multipart headers beside the files themselves, which UploadedFiles counts.
            size.MaxRequestBodySize = limit + (16 << 20);
        }

        var files = new UploadedFiles(Path.Combine(paths.Uploads, Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(files.Folder);
        var (refusal, settings) = await ReceiveAsync(context, boundary, files, limit, options.Value);
        if (refusal is not null)
        {
            return refusal;
        }

        if (files.Count == 0)
        {
            files.Delete();
            return Refuse(StatusCodes.Status400BadRequest, "The upload holds no files.");
        }

        var job = StartImport(context, importer, jobs, files, settings, dbFactory);
        return Results.Accepted($"/api/import/jobs/{job.Id}", new { job = job.Id, files = files.Count, bytes = files.Bytes });
    }

    private static string? MultipartBoundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
        && contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is { Length: > 0 } boundary
            ? boundary
            : null;

    /// <summary>Streams the files to disk and reads the form's fields; on a refusal the files are deleted already.</summary>
    private static async Task<(IResult? Refusal, ImportSettings Settings)> ReceiveAsync(
        HttpContext context, string boundary, UploadedFiles files, long limit, ImportUploadOptions options)
    {
        var settings = new ImportSettings();
        try
        {
            var reader = new MultipartReader(boundary, context.Request.Body);
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    var name = disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "unnamed";
                    if (!await files.AddAsync(HeaderUtilities.RemoveQuotes(name).Value ?? name, section.Body, limit, context.RequestAborted))
                    {
                        files.Delete();
                        return (Refuse(StatusCodes.Status413PayloadTooLarge,
                            $"The upload is larger than the limit of {options.MaxUploadMegabytes} MB; nothing was imported. "
                            + "Upload fewer files at once, or raise BlendSign:Import:Upload:MaxUploadMegabytes."), settings);
                    }
                }
                else if (disposition.Name.Value is AssumeCtField or AcceptBurnedInField)
                {
                    using var value = new StreamReader(section.Body);
                    var on = (await value.ReadToEndAsync(context.RequestAborted)).Trim() is "true" or "on";
                    settings = disposition.Name.Value == AssumeCtField ? settings with { AssumeCt = on } : settings with { AcceptBurnedInAnnotation = on };
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or BadHttpRequestException)
        {
            files.Delete();
            return (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? Refuse(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than the limit of {options.MaxUploadMegabytes} MB; nothing was imported.")
                : Refuse(StatusCodes.Status400BadRequest, "The upload broke off or is malformed; nothing was imported."), settings);
        }

        return (null, settings);
    }

    private static ImportJob StartImport(
        HttpContext context, DicomImporter importer, ImportJobs jobs, UploadedFiles files, ImportSettings settings,
        IDbContextFactory<BlendSignDbContext> dbFactory)
    {
        var expected = files.CountItems();
        var user = context.User.FindFirstValue(ClaimTypes.Name) ?? "unknown";
        var actor = context.User.ToAuditActor();
        var what = files.Count == 1 ? "1 uploaded file" : $"{files.Count} uploaded files";
        return jobs.Start(
            what,
            user,
            async (progress, cancellationToken) =>
            {
                var report = await importer.ImportAsync(
                    files.Paths, settings, new ExpectedFilesProgress(progress, expected), cancellationToken);
                await ImportAudit.RecordAsync(dbFactory, actor, $"upload: {what}", report, cancellationToken);
                return files.Rename(report);
            },
            files.Delete);
    }

    private static IResult Refuse(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private static string VerdictsCsv(ImportReport report)
    {
        var csv = new StringBuilder(CsvFormat.Record("file", "status", "sop_instance_uid", "reason"));
        foreach (var item in report.Items)
        {
            csv.Append(CsvFormat.Record(item.File, ImportVerdicts.WireName(item.Status), item.SopInstanceUid ?? "", item.Reason ?? ""));
        }

        return csv.ToString();
    }
}
