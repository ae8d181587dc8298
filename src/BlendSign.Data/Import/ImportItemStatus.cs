using System.Text.Json.Serialization;

namespace BlendSign.Data.Import;

/// <summary>The verdict on one file of an import (wire values <c>imported</c>, <c>duplicate</c>, <c>rejected</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportItemStatus>))]
public enum ImportItemStatus
{
    [JsonStringEnumMemberName("imported")]
    Imported,

    [JsonStringEnumMemberName("duplicate")]
    Duplicate,

    [JsonStringEnumMemberName("rejected")]
    Rejected,
}
