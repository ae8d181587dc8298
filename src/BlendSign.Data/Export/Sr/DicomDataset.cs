using System.Globalization;

namespace BlendSign.Data.Export.Sr;

/// <summary>Only what the structured report needs; GDCM's writer takes images, not content trees.</summary>
public sealed class DicomDataset
{
    private readonly SortedDictionary<uint, DicomElement> _elements = [];

    public IEnumerable<DicomElement> Elements => _elements.Values;

    public DicomDataset Text(ushort group, ushort element, string vr, string? value)
    {
        _elements[Key(group, element)] = new DicomElement(group, element, vr, value ?? "");
        return this;
    }

    public DicomDataset UnsignedShort(ushort group, ushort element, params ushort[] values)
    {
        _elements[Key(group, element)] = new DicomElement(group, element, "US", values);
        return this;
    }

    public DicomDataset Floats(ushort group, ushort element, params float[] values)
    {
        _elements[Key(group, element)] = new DicomElement(group, element, "FL", values);
        return this;
    }

    public DicomDataset Sequence(ushort group, ushort element, params IEnumerable<DicomDataset> items)
    {
        _elements[Key(group, element)] = new DicomElement(group, element, "SQ", items.ToList());
        return this;
    }

    public DicomDataset Date(ushort group, ushort element, DateTimeOffset when) =>
        Text(group, element, "DA", when.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    public DicomDataset Time(ushort group, ushort element, DateTimeOffset when) =>
        Text(group, element, "TM", when.ToString("HHmmss", CultureInfo.InvariantCulture));

    public string? TextOf(ushort group, ushort element) =>
        _elements.TryGetValue(Key(group, element), out var found) ? found.Value as string : null;

    private static uint Key(ushort group, ushort element) => ((uint)group << 16) | element;
}

public sealed record DicomElement(ushort Group, ushort Element, string Vr, object Value);
