using BlendSign.Data.Labels;

namespace BlendSign.Web.Features.Reading.Load;

/// <param name="At">When the answer came (or the request gave up).</param>
public sealed record SaveAttempt(string Rater, string SopInstanceUid, HemorrhageClass Label, SaveAnswer Answer, DateTimeOffset At);

public enum SaveAnswer
{
    /// <summary>200 with <c>saved: true</c>: the label is in the database, with its audit entry.</summary>
    Acknowledged,

    /// <summary>A 4xx refusal: nothing was written.</summary>
    Refused,

    /// <summary>No answer (timeout, broken connection) or a 5xx: it may or may not have been written.</summary>
    Unknown,
}
