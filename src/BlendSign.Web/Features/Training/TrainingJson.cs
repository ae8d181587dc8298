using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlendSign.Web.Features.Training;

public static class TrainingJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        // A diverged run's loss may be NaN; store it rather than fail the run.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
