using BlendSign.Data.Accounts;
using BlendSign.Data.Labels;

namespace BlendSign.Web.Endpoints;

/// <summary>The lead-only downloads of DESIGN.md ("HTTP surface"): the same files as the command-line exports.</summary>
public static class ExportEndpoints
{
    public const string ExportPolicy = "export";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/api/export").RequireAuthorization(ExportPolicy);
        exports.MapGet("/labels.csv", async (HttpContext context, LabelCsvExporter exporter, bool? includeExcluded) =>
        {
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = "attachment; filename=labels.csv";
            context.Response.Headers.CacheControl = "no-store";
            await using var writer = new StreamWriter(context.Response.Body, leaveOpen: true);
            await exporter.ExportAsync(writer, includeExcluded ?? false, context.RequestAborted);
        });
        return endpoints;
    }

    public static Microsoft.AspNetCore.Authorization.AuthorizationBuilder AddExportPolicy(
        this Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) =>
        builder.AddPolicy(ExportPolicy, policy => policy.RequireRole(Roles.Lead, Roles.Admin));
}
