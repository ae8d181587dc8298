using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlendSign.Data.Agreement;

public sealed class ConfidenceIntervalJsonConverter : JsonConverter<ConfidenceInterval>
{
    public override ConfidenceInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A confidence interval is an array [lower, upper].");
        }

        reader.Read();
        var lower = reader.GetDouble();
        reader.Read();
        var upper = reader.GetDouble();
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A confidence interval has exactly two numbers.");
        }

        return new ConfidenceInterval(lower, upper);
    }

    public override void Write(Utf8JsonWriter writer, ConfidenceInterval value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Lower);
        writer.WriteNumberValue(value.Upper);
        writer.WriteEndArray();
    }
}
