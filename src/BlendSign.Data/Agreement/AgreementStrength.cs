using System.Text.Json.Serialization;

namespace BlendSign.Data.Agreement;

/// <summary>Landis and Koch's (1977) reading of a kappa; the study calls the top band "excellent".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgreementStrength>))]
public enum AgreementStrength
{
    [JsonStringEnumMemberName("poor")]
    Poor,

    [JsonStringEnumMemberName("slight")]
    Slight,

    [JsonStringEnumMemberName("fair")]
    Fair,

    [JsonStringEnumMemberName("moderate")]
    Moderate,

    [JsonStringEnumMemberName("substantial")]
    Substantial,

    [JsonStringEnumMemberName("almost_perfect")]
    AlmostPerfect,
}
