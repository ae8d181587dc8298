using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlendSign.Web.Features.Reading;

/// <summary>The JSON of <see cref="ReadingEndpoints"/>, shared by the server and its clients (the load test): snake_case.</summary>
public static class ReadingApiContract
{
    /// <summary>
    /// Sent with every write: a form or a plain link on another site cannot set a custom header (and a script there
    /// could only with a CORS preflight this server never answers), so no cross-site request saves a label.
    /// </summary>
    public const string ClientHeader = "X-BlendSign-Client";

    public const string WorklistPath = "/api/reading/worklist";

    /// <summary>A label write's body, <c>{"label":"blend_sign"}</c>, is a few dozen bytes.</summary>
    public const int MaxLabelBodyBytes = 4096;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string LabelPath(string sopInstanceUid) => $"/api/reading/slices/{Uri.EscapeDataString(sopInstanceUid)}/label";
}

public sealed record LabelRequest(string? Label);

/// <summary>What a label write did: saved, or refused (<c>refusal</c> is the reason's snake_case name) with a message.</summary>
public sealed record LabelResponse(bool Saved, string? Refusal, string? Error)
{
    public static LabelResponse Ok { get; } = new(true, null, null);
}

/// <summary><c>GET /api/reading/worklist</c>: the caller's scans and slices, with the caller's own labels only.</summary>
public sealed record WorklistResponse(IReadOnlyList<WorklistScanJson> Scans);

public sealed record WorklistScanJson(int ScanId, string PseudonymousId, bool Excluded, IReadOnlyList<WorklistSliceJson> Slices);

/// <param name="Label">The caller's own label (wire name), null when they have not labeled the slice.</param>
public sealed record WorklistSliceJson(string SopInstanceUid, int SliceIndex, string? Label);
