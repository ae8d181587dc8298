using System.Text.Json;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using BlendSign.Web.Layout.Account;
using Microsoft.AspNetCore.Authorization;

namespace BlendSign.Web.Features.Reading;

/// <summary>For clients that are not the viewer's circuit (the load test); writes get the viewer's checks and audit (source <c>api</c>).</summary>
public static class ReadingEndpoints
{
    public static IEndpointRouteBuilder MapReadingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reading = endpoints.MapGroup("/api/reading").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Radiologist });
        reading.MapGet("/worklist", GetWorklistAsync);
        reading.MapPut("/slices/{sopInstanceUid}/label", PutLabelAsync);
        return endpoints;
    }

    private static async Task<IResult> GetWorklistAsync(HttpContext context, ReadingService reading, CancellationToken cancellationToken)
    {
        var worklist = await reading.ListWorklistSlicesAsync(context.User.ToReader(), cancellationToken);
        context.Response.Headers.CacheControl = "no-store"; // it holds the caller's reads
        var scans = worklist.Select(scan => new WorklistScanJson(scan.ScanId, scan.PseudonymousId, scan.Exclusion is not null,
                scan.Slices.Select(s => new WorklistSliceJson(s.SopInstanceUid, s.SliceIndex, s.MyLabel?.ToWireName())).ToList()))
            .ToList();
        return Results.Json(new WorklistResponse(scans), ReadingApiContract.Json);
    }

    private static async Task<IResult> PutLabelAsync(string sopInstanceUid, HttpContext context, ReadingService reading, CancellationToken cancellationToken)
    {
        if (!context.Request.Headers.ContainsKey(ReadingApiContract.ClientHeader))
        {
            return Answer(StatusCodes.Status400BadRequest,
                new LabelResponse(false, null, $"Label writes carry the {ReadingApiContract.ClientHeader} header; nothing was saved."));
        }

        LabelRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<LabelRequest>(ReadingApiContract.Json, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            body = null;
        }

        if (!HemorrhageClassNames.TryParse(body?.Label, out var label))
        {
            return Refused(ReadingOutcome.Refused(ReadingRefusal.UnknownClass,
                $"The body is JSON like {{\"label\":\"normal_ich\"}}, the label one of {string.Join(", ", HemorrhageClassNames.All.Select(c => c.ToWireName()))}; nothing was saved."));
        }

        if (await reading.FindSliceIdAsync(sopInstanceUid, cancellationToken) is not { } sliceId)
        {
            return Refused(ReadingOutcome.Refused(ReadingRefusal.UnknownSlice, "No slice has that SOP Instance UID; nothing was saved."));
        }

        var reader = context.User.ToReader() with { Source = AuditSources.Api };
        var outcome = await reading.SetLabelAsync(sliceId, reader, label.Value, cancellationToken);
        return outcome.IsSaved ? Answer(StatusCodes.Status200OK, LabelResponse.Ok) : Refused(outcome);
    }

    private static IResult Refused(ReadingOutcome outcome) =>
        Answer(StatusOf(outcome.Refusal), new LabelResponse(false, JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.Refusal.ToString()), outcome.Message));

    private static int StatusOf(ReadingRefusal refusal) => refusal switch
    {
        ReadingRefusal.UnknownSlice => StatusCodes.Status404NotFound,
        ReadingRefusal.NotAssigned or ReadingRefusal.NotAllowed => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    private static IResult Answer(int status, LabelResponse response) => Results.Json(response, ReadingApiContract.Json, statusCode: status);
}
