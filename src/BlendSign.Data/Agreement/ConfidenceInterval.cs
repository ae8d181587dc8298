using System.Text.Json.Serialization;

namespace BlendSign.Data.Agreement;

/// <summary>A two-sided interval; written to JSON as <c>[lower, upper]</c>.</summary>
[JsonConverter(typeof(ConfidenceIntervalJsonConverter))]
public sealed record ConfidenceInterval(double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    public double Width => Upper - Lower;
}
