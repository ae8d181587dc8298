using BlendSign.Data.Accounts;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using Microsoft.AspNetCore.Authorization;

namespace BlendSign.Web.Features.Gold;

/// <summary>The lead-only downloads of DESIGN.md ("HTTP surface"): the same files as the command-line exports.</summary>
public static class ExportEndpoints
{
    public const string ExportPolicy = "export";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/api/export").RequireAuthorization(ExportPolicy);
        exports.MapGet("/labels.csv", (HttpContext context, LabelCsvExporter exporter, bool? includeExcluded, bool? withMeasurements) =>
            WriteCsvAsync(context, "labels.csv", writer =>
                exporter.ExportAsync(writer, includeExcluded ?? false, withMeasurements ?? false, context.RequestAborted)));
        exports.MapGet("/boxes.csv", (HttpContext context, BoxCsvExporter exporter, bool? includeExcluded) =>
            WriteCsvAsync(context, "boxes.csv", writer => exporter.ExportAsync(writer, includeExcluded ?? false, context.RequestAborted)));
        exports.MapGet("/gold.csv", (HttpContext context, GoldExporter exporter) =>
            WriteCsvAsync(context, "gold.csv", writer => exporter.WriteCsvAsync(writer, context.RequestAborted)));
        exports.MapGet("/gold.coco.json", async (HttpContext context, GoldExporter exporter) =>
        {
            Attachment(context, "application/json", "gold.coco.json");
            await exporter.WriteCocoAsync(context.Response.Body, context.RequestAborted);
        });
        // Review decisions: for the people who make and use them (reviewers, leads, admins), never radiologists.
        endpoints.MapGet("/api/review/decisions.csv", async (HttpContext context, ReviewDecisionService decisions) =>
            {
                var rows = await decisions.ListAsync(context.RequestAborted);
                Attachment(context, "text/csv; charset=utf-8", "review-decisions.csv");
                await context.Response.WriteAsync(ReviewDecisionCsv.Write(rows), context.RequestAborted);
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Reviewer},{Roles.Lead},{Roles.Admin}" });
        return endpoints;
    }

    /// <summary>Marks the response a download that is never cached (exports hold reads and file names).</summary>
    internal static void Attachment(HttpContext context, string contentType, string fileName)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename={fileName}";
        context.Response.Headers.CacheControl = "no-store";
    }

    public static Microsoft.AspNetCore.Authorization.AuthorizationBuilder AddExportPolicy(
        this Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) =>
        builder.AddPolicy(ExportPolicy, policy => policy.RequireRole(Roles.Lead, Roles.Admin));

    private static async Task WriteCsvAsync(HttpContext context, string fileName, Func<TextWriter, Task> write)
    {
        Attachment(context, "text/csv; charset=utf-8", fileName);
        await using var writer = new StreamWriter(context.Response.Body, leaveOpen: true);
        await write(writer);
    }
}
