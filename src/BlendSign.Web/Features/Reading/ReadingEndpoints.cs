using System.Text.Json;
using BlendSign.Data.Accounts;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Reading;
using BlendSign.Web.Layout.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;

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

        if (LimitBody(context) is { } tooLarge)
        {
            return tooLarge;
        }

        LabelRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<LabelRequest>(ReadingApiContract.Json, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return BodyTooLarge();
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
            return Refused(NotYoursOrUnknown);
        }

        var reader = context.User.ToReader() with { Source = AuditSources.Api };
        var outcome = await reading.SetLabelAsync(sliceId, reader, label.Value, cancellationToken);
        if (outcome.Refusal == ReadingRefusal.NotAssigned)
        {
            // The same answer as for an unknown UID, so the API does not confirm that a slice exists.
            return Refused(NotYoursOrUnknown);
        }

        return outcome.IsSaved ? Answer(StatusCodes.Status200OK, LabelResponse.Ok) : Refused(outcome);
    }

    private static ReadingOutcome NotYoursOrUnknown { get; } =
        ReadingOutcome.Refused(ReadingRefusal.UnknownSlice, "No slice on your worklist has that SOP Instance UID; nothing was saved.");

    /// <summary>Caps the body at <see cref="ReadingApiContract.MaxLabelBodyBytes"/>; a declared length over it is refused at once.</summary>
    private static IResult? LimitBody(HttpContext context)
    {
        if (context.Request.ContentLength > ReadingApiContract.MaxLabelBodyBytes)
        {
            return BodyTooLarge();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ReadingApiContract.MaxLabelBodyBytes;
        }

        return null;
    }

    private static IResult BodyTooLarge() => Answer(StatusCodes.Status413PayloadTooLarge,
        new LabelResponse(false, "body_too_large", $"A label body is at most {ReadingApiContract.MaxLabelBodyBytes} bytes; nothing was saved."));

    private static IResult Refused(ReadingOutcome outcome) =>
        Answer(StatusOf(outcome.Refusal), new LabelResponse(false, JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.Refusal.ToString()), outcome.Message));

    private static int StatusOf(ReadingRefusal refusal) => refusal switch
    {
        ReadingRefusal.UnknownSlice => StatusCodes.Status404NotFound,
        ReadingRefusal.NotAllowed => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    private static IResult Answer(int status, LabelResponse response) => Results.Json(response, ReadingApiContract.Json, statusCode: status);
}
