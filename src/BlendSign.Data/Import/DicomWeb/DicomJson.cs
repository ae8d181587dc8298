using System.Globalization;
using System.Text.Json;

namespace BlendSign.Data.Import.DicomWeb;

/// <summary>Reads attributes of the DICOM JSON model (PS3.18 F.2): <c>{"0020000D": {"vr": "UI", "Value": ["1.2.3"]}}</c>.</summary>
internal static class DicomJson
{
    public const string StudyInstanceUid = "0020000D";
    public const string SeriesInstanceUid = "0020000E";
    public const string SopInstanceUid = "00080018";
    public const string Modality = "00080060";
    public const string ModalitiesInStudy = "00080061";
    public const string StudyDate = "00080020";
    public const string StudyDescription = "00081030";
    public const string SeriesDescription = "0008103E";
    public const string InstanceNumber = "00200013";
    public const string SeriesRelatedInstances = "00201209";

    public static string? Text(JsonElement dataset, string tag)
    {
        if (dataset.ValueKind != JsonValueKind.Object
            || !dataset.TryGetProperty(tag, out var attribute)
            || attribute.ValueKind != JsonValueKind.Object
            || !attribute.TryGetProperty("Value", out var values)
            || values.ValueKind != JsonValueKind.Array
            || values.GetArrayLength() == 0)
        {
            return null;
        }

        var first = values[0];
        var text = first.ValueKind switch
        {
            JsonValueKind.String => first.GetString(),
            JsonValueKind.Number => first.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static int? Integer(JsonElement dataset, string tag) =>
        int.TryParse(Text(dataset, tag), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static DateOnly? Date(JsonElement dataset, string tag) =>
        DateOnly.TryParseExact(Text(dataset, tag), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
