using System.Globalization;
using System.Text.Json;

namespace BlendSign.Web.Features.Admin;

/// <summary>
/// An audit value (stored as JSON) as a person reads it: <c>{"label":"blend_sign","status":"adjudicated","note":null}</c>
/// becomes "label blend_sign · status adjudicated"; a JSON string is shown without quotes; anything else as stored.
/// </summary>
public static class AuditValueText
{
    public static string Format(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return "–";
        }

        try
        {
            using var document = JsonDocument.Parse(stored);
            var text = Describe(document.RootElement);
            return text.Length == 0 ? "–" : text;
        }
        catch (JsonException)
        {
            return stored;
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => string.Join(" · ", value.EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Null)
            .Select(p => $"{p.Name.Replace('_', ' ')} {Describe(p.Value)}")),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Describe)),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.GetDouble().ToString("0.###", CultureInfo.InvariantCulture),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => "",
    };
}
