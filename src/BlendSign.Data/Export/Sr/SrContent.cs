namespace BlendSign.Data.Export.Sr;

/// <summary>Content items of a structured report's tree (PS3.3 C.17.3): codes, containers, text, UIDs, images, regions.</summary>
internal static class SrContent
{
    public const string Contains = "CONTAINS";
    public const string HasConceptModifier = "HAS CONCEPT MOD";
    public const string HasObservationContext = "HAS OBS CONTEXT";
    public const string SelectedFrom = "SELECTED FROM";

    public static DicomDataset Code(SrCode code) => new DicomDataset()
        .Text(0x0008, 0x0100, "SH", code.Value)
        .Text(0x0008, 0x0102, "SH", code.Scheme)
        .Text(0x0008, 0x0104, "LO", code.Meaning);

    public static DicomDataset Container(string relationship, SrCode concept, IEnumerable<DicomDataset> children) =>
        Item(relationship, "CONTAINER", concept)
            .Text(0x0040, 0xA050, "CS", "SEPARATE")
            .Sequence(0x0040, 0xA730, children);

    public static DicomDataset CodeItem(string relationship, SrCode concept, SrCode value) =>
        Item(relationship, "CODE", concept).Sequence(0x0040, 0xA168, Code(value));

    public static DicomDataset TextItem(string relationship, SrCode concept, string text) =>
        Item(relationship, "TEXT", concept).Text(0x0040, 0xA160, "UT", text);

    public static DicomDataset UidItem(string relationship, SrCode concept, string uid) =>
        Item(relationship, "UIDREF", concept).Text(0x0040, 0xA124, "UI", uid);

    public static DicomDataset Image(string relationship, SrImage image, SrCode? concept = null)
    {
        var item = new DicomDataset()
            .Text(0x0040, 0xA010, "CS", relationship)
            .Text(0x0040, 0xA040, "CS", "IMAGE")
            .Sequence(0x0008, 0x1199, Reference(image));
        return concept is null ? item : item.Sequence(0x0040, 0xA043, Code(concept));
    }

    /// <summary>A 2D region in the image's pixel space (origin at the top left corner of the top left pixel), selected from that image.</summary>
    public static DicomDataset Region(SrCode concept, string graphicType, float[] columnRowPairs, SrImage image) =>
        Item(Contains, "SCOORD", concept)
            .Text(0x0070, 0x0023, "CS", graphicType)
            .Floats(0x0070, 0x0022, columnRowPairs)
            .Sequence(0x0040, 0xA730, Image(SelectedFrom, image));

    public static DicomDataset Reference(SrImage image) => new DicomDataset()
        .Text(0x0008, 0x1150, "UI", image.SopClassUid)
        .Text(0x0008, 0x1155, "UI", image.SopInstanceUid);

    private static DicomDataset Item(string relationship, string valueType, SrCode concept) => new DicomDataset()
        .Text(0x0040, 0xA010, "CS", relationship)
        .Text(0x0040, 0xA040, "CS", valueType)
        .Sequence(0x0040, 0xA043, Code(concept));
}

public sealed record SrCode(string Value, string Scheme, string Meaning);

public sealed record SrImage(string SopClassUid, string SopInstanceUid);
