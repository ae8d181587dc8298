using System.Globalization;
using System.Text.Json;
using BlendSign.Data.Csv;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

/// <summary>
/// COCO: one image per slice (file_name = SOP Instance UID), categories 1..3, consensus boxes as annotations with the
/// center as a keypoint. Boxes on a slice with no gold label have no class to carry and are left out of COCO.
/// </summary>
public sealed class GoldExporter(GoldStandardService gold)
{
    public const string CsvHeader = "sop_instance_uid,scan_id,slice_index,label,votes,status";

    public async Task<GoldStandard> WriteCsvAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var standard = await gold.ComputeAsync(cancellationToken);
        await writer.WriteAsync(ToCsv(standard).AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
        return standard;
    }

    public async Task<GoldStandard> WriteCocoAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var standard = await gold.ComputeAsync(cancellationToken);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        WriteCoco(json, standard);
        await json.FlushAsync(cancellationToken);
        return standard;
    }

    public static string ToCsv(GoldStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var text = new System.Text.StringBuilder(CsvHeader).Append('\n');
        foreach (var slice in standard.Slices)
        {
            text.Append(CsvFormat.Record(
                slice.SopInstanceUid,
                slice.ScanPseudonym,
                slice.SliceIndex.ToString(CultureInfo.InvariantCulture),
                slice.Decision.Label?.ToWireName() ?? "",
                slice.Decision.Votes.ToString(CultureInfo.InvariantCulture),
                slice.Decision.Status.ToWireName()));
        }

        return text.ToString();
    }

    public static void WriteCoco(Utf8JsonWriter json, GoldStandard standard)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(standard);
        json.WriteStartObject();
        WriteInfo(json);
        WriteCategories(json);
        WriteImages(json, standard);
        WriteAnnotations(json, standard);
        json.WriteEndObject();
    }

    private static void WriteInfo(Utf8JsonWriter json)
    {
        json.WriteStartObject("info");
        json.WriteString("description", "BlendSign gold standard: majority vote of the raters, adjudicated ties, consensus boxes");
        json.WriteString("date_created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private static void WriteCategories(Utf8JsonWriter json)
    {
        json.WriteStartArray("categories");
        foreach (var c in HemorrhageClassNames.All)
        {
            json.WriteStartObject();
            json.WriteNumber("id", CategoryId(c));
            json.WriteString("name", c.ToWireName());
            json.WriteString("supercategory", "head_ct");
            json.WriteStartArray("keypoints");
            json.WriteStringValue("center");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>One image per slice, its id the slice's 1-based position in <paramref name="standard"/>.</summary>
    private static void WriteImages(Utf8JsonWriter json, GoldStandard standard)
    {
        json.WriteStartArray("images");
        for (var i = 0; i < standard.Slices.Count; i++)
        {
            var slice = standard.Slices[i];
            json.WriteStartObject();
            json.WriteNumber("id", i + 1);
            json.WriteString("file_name", slice.SopInstanceUid);
            json.WriteNumber("width", slice.Columns);
            json.WriteNumber("height", slice.Rows);
            json.WriteString("scan_id", slice.ScanPseudonym);
            json.WriteNumber("slice_index", slice.SliceIndex);
            if (slice.Decision.Label is { } label)
            {
                json.WriteString("label", label.ToWireName());
            }
            else
            {
                json.WriteNull("label");
            }

            json.WriteString("status", slice.Decision.Status.ToWireName());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteAnnotations(Utf8JsonWriter json, GoldStandard standard)
    {
        json.WriteStartArray("annotations");
        var annotation = 0;
        for (var i = 0; i < standard.Slices.Count; i++)
        {
            var slice = standard.Slices[i];
            if (slice.Decision.Label is not { } label)
            {
                continue;
            }

            foreach (var box in slice.Boxes)
            {
                WriteAnnotation(json, ++annotation, imageId: i + 1, label, box);
            }
        }

        json.WriteEndArray();
    }

    private static void WriteAnnotation(Utf8JsonWriter json, int id, int imageId, HemorrhageClass label, ConsensusBox box)
    {
        json.WriteStartObject();
        json.WriteNumber("id", id);
        json.WriteNumber("image_id", imageId);
        json.WriteNumber("category_id", CategoryId(label));
        json.WriteStartArray("bbox");
        json.WriteNumberValue(box.Left);
        json.WriteNumberValue(box.Top);
        json.WriteNumberValue(box.Width);
        json.WriteNumberValue(box.Height);
        json.WriteEndArray();
        json.WriteNumber("area", box.Width * box.Height);
        json.WriteNumber("iscrowd", 0);
        json.WriteStartArray("keypoints");
        json.WriteNumberValue(box.CenterX);
        json.WriteNumberValue(box.CenterY);
        json.WriteNumberValue(2);
        json.WriteEndArray();
        json.WriteNumber("num_keypoints", 1);
        json.WriteNumber("support", box.Support);
        json.WriteEndObject();
    }

    /// <summary>COCO category ids are 1-based: non_ich 1, normal_ich 2, blend_sign 3.</summary>
    public static int CategoryId(HemorrhageClass label) => (int)label + 1;
}
