using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Text;

namespace BlendSign.Data.Dicom;

// Refuses files that GDCM must not see: Debian builds GDCM with assertions on, and it aborts the whole process on a
// file cut inside its header, on an element or item that runs past its sequence, or on a VR that does not fit its tag.
// A file cut inside its pixel data it reads with only a warning (zero-filled or garbage pixels), so that is checked too.
internal static class DicomStructure
{
    private const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    private const string ExplicitLittleEndian = "1.2.840.10008.1.2.1";
    private const string ExplicitBigEndian = "1.2.840.10008.1.2.2";
    private const string DeflatedLittleEndian = "1.2.840.10008.1.2.1.99";
    private const uint UndefinedLength = 0xFFFFFFFF;
    private const int PreambleLength = 128;
    private const int MaxDepth = 32;

    private static readonly FrozenSet<string> KnownVrs = FrozenSet.Create(StringComparer.Ordinal,
        "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "PN",
        "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");

    /// <summary>
    /// Null when the structure is sound. A file without the "DICM" marker whose elements do not add up, or that holds
    /// no pixel data, is called not DICOM.
    /// </summary>
    /// <param name="pixels">Filled with the top-level Image Pixel module values the walk passes.</param>
    /// <param name="vrs">The data dictionary's VRs; null skips the VR and implicit-sequence checks.</param>
    public static string? FindDamage(ReadOnlySpan<byte> file, PixelModule pixels, IDicomVrs? vrs)
    {
        var position = 0;
        string? transferSyntax = null;
        var marked = file.Length >= PreambleLength + 4 && file.Slice(PreambleLength, 4).SequenceEqual("DICM"u8);
        if (marked)
        {
            position = PreambleLength + 4;
            if (!TryReadMetaGroup(file, ref position, out transferSyntax))
            {
                return "damaged DICOM file (its meta header is cut off or malformed)";
            }
        }

        transferSyntax ??= GuessTransferSyntax(file[position..]);
        pixels.TransferSyntax = transferSyntax;
        if (transferSyntax == DeflatedLittleEndian)
        {
            pixels.HasPixelData = true; // the data set is compressed: GDCM inflates and checks it
            return null;
        }

        var walker = new Walker(file, transferSyntax == ExplicitBigEndian, vrs, pixels);
        var damage = walker.WalkElements(ref position, file.Length, transferSyntax != ImplicitLittleEndian, depth: 0, inUndefinedItem: false);
        return marked || (damage is null && pixels.HasPixelData) ? damage : "not a DICOM file";
    }

    /// <summary>A data set without meta header: explicit when a VR's two capital letters follow the first tag.</summary>
    private static string GuessTransferSyntax(ReadOnlySpan<byte> dataSet) =>
        dataSet.Length >= 6 && char.IsAsciiLetterUpper((char)dataSet[4]) && char.IsAsciiLetterUpper((char)dataSet[5])
            ? ExplicitLittleEndian
            : ImplicitLittleEndian;

    /// <summary>The meta header (group 0002, always explicit VR little endian) and its transfer syntax.</summary>
    private static bool TryReadMetaGroup(ReadOnlySpan<byte> file, ref int position, out string? transferSyntax)
    {
        transferSyntax = null;
        while (position + 2 <= file.Length && BinaryPrimitives.ReadUInt16LittleEndian(file[position..]) == 0x0002)
        {
            if (position + 8 > file.Length)
            {
                return false;
            }

            var vr = Encoding.ASCII.GetString(file.Slice(position + 4, 2));
            if (!KnownVrs.Contains(vr))
            {
                return false;
            }

            var longLength = HasLongLength(vr);
            var size = longLength ? 12 : 8;
            if (position + size > file.Length)
            {
                return false;
            }

            long length = longLength
                ? BinaryPrimitives.ReadUInt32LittleEndian(file[(position + 8)..])
                : BinaryPrimitives.ReadUInt16LittleEndian(file[(position + 6)..]);
            if (length == UndefinedLength || position + size + length > file.Length)
            {
                return false;
            }

            if (BinaryPrimitives.ReadUInt16LittleEndian(file[(position + 2)..]) == 0x0010)
            {
                transferSyntax = Encoding.ASCII.GetString(file.Slice(position + size, (int)length)).Trim('\0', ' ');
            }

            position += size + (int)length;
        }

        return true;
    }

    /// <summary>VRs with 2 reserved bytes and a 4-byte length in explicit encodings.</summary>
    private static bool HasLongLength(string vr) =>
        vr is "OB" or "OW" or "OF" or "OD" or "OL" or "OV" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV";

    private readonly ref struct Walker(ReadOnlySpan<byte> file, bool bigEndian, IDicomVrs? vrs, PixelModule pixels)
    {
        private readonly ReadOnlySpan<byte> _file = file;

        public string? WalkElements(ref int position, int end, bool explicitVr, int depth, bool inUndefinedItem)
        {
            if (depth > MaxDepth)
            {
                return "damaged DICOM file (sequences nested too deep)";
            }

            while (position < end)
            {
                if (!TryReadHeader(position, end, explicitVr, out var header))
                {
                    return "damaged DICOM file (the file ends inside an element header)";
                }

                if (header.Group == 0xFFFE)
                {
                    position += 8;
                    return inUndefinedItem && header.Element == 0xE00D ? null : "damaged DICOM file (misplaced item delimiter)";
                }

                if (explicitVr && vrs is not null && header.Group % 2 == 0 && !vrs.Fits(header.Group, header.Element, header.Vr))
                {
                    return $"damaged DICOM file (element ({header.Group:X4},{header.Element:X4}) has the wrong VR {header.Vr})";
                }

                position += header.Size;
                var isPixelData = header is { Group: 0x7FE0, Element: 0x0010 } && depth == 0;
                if (isPixelData)
                {
                    pixels.HasPixelData = true;
                    pixels.NativeLength = header.Length == UndefinedLength ? null : header.Length;
                }

                var damage = header.Length == UndefinedLength
                    ? WalkUndefined(ref position, end, explicitVr, depth, header, isPixelData)
                    : WalkDefined(ref position, end, explicitVr, depth, header, isPixelData);
                if (damage is not null)
                {
                    return damage;
                }
            }

            return inUndefinedItem ? "damaged DICOM file (the file ends inside a sequence item)" : null;
        }

        private string? WalkDefined(ref int position, int end, bool explicitVr, int depth, ElementHeader header, bool isPixelData)
        {
            var available = end - position;
            if (available < header.Length)
            {
                return isPixelData
                    ? $"truncated pixel data ({available} of {header.Length} bytes present)"
                    : "damaged DICOM file (an element runs past the end of the file or its sequence)";
            }

            var valueEnd = position + (int)header.Length;
            if (IsSequence(header, explicitVr))
            {
                return WalkItems(ref position, valueEnd, explicitVr, depth + 1, definedLength: true);
            }

            if (depth == 0 && header.Length <= 64 && (header.Group == 0x0028 || header is { Group: 0x0008, Element: 0x0010 }))
            {
                pixels.Capture(header.Group, header.Element, _file[position..valueEnd], bigEndian);
            }

            position = valueEnd;
            return null;
        }

        private string? WalkUndefined(ref int position, int end, bool explicitVr, int depth, ElementHeader header, bool isPixelData)
        {
            if (isPixelData)
            {
                return WalkFragments(ref position, end);
            }

            // A sequence; UN of undefined length holds an implicit-VR sequence (CP-246).
            return WalkItems(ref position, end, explicitVr && header.Vr != "UN", depth + 1, definedLength: false);
        }

        private bool IsSequence(ElementHeader header, bool explicitVr) =>
            explicitVr ? header.Vr == "SQ" : vrs?.IsSequence(header.Group, header.Element) == true;

        private string? WalkItems(ref int position, int end, bool explicitVr, int depth, bool definedLength)
        {
            while (!(definedLength && position == end))
            {
                if (position + 8 > end)
                {
                    return "damaged DICOM file (the file ends inside a sequence)";
                }

                var group = ReadUInt16(position);
                var element = ReadUInt16(position + 2);
                var length = ReadUInt32(position + 4);
                position += 8;
                if (group != 0xFFFE || (element != 0xE000 && element != 0xE0DD))
                {
                    return "damaged DICOM file (malformed sequence)";
                }

                if (element == 0xE0DD)
                {
                    return null;
                }

                if (length == UndefinedLength)
                {
                    if (WalkElements(ref position, end, explicitVr, depth, inUndefinedItem: true) is { } damage)
                    {
                        return damage;
                    }

                    continue;
                }

                if (end - position < length)
                {
                    return "damaged DICOM file (a sequence item runs past the end of the file or its sequence)";
                }

                var itemEnd = position + (int)length;
                if (WalkElements(ref position, itemEnd, explicitVr, depth, inUndefinedItem: false) is { } itemDamage)
                {
                    return itemDamage;
                }
            }

            return null;
        }

        private string? WalkFragments(ref int position, int end)
        {
            var fragments = 0;
            while (true)
            {
                if (position + 8 > end)
                {
                    return $"truncated pixel data (the file ends after {fragments} compressed fragments, before the end of the pixel data)";
                }

                var group = ReadUInt16(position);
                var element = ReadUInt16(position + 2);
                var length = ReadUInt32(position + 4);
                position += 8;
                if (group != 0xFFFE || (element != 0xE000 && element != 0xE0DD) || length == UndefinedLength)
                {
                    return "damaged DICOM file (malformed compressed pixel data)";
                }

                if (element == 0xE0DD)
                {
                    return null;
                }

                if (end - position < length)
                {
                    return $"truncated pixel data (compressed fragment {fragments + 1} is cut off)";
                }

                // Item 0 is the basic offset table; item 1 starts the compressed stream.
                if (fragments == 1)
                {
                    pixels.FirstFragment = (position, (int)length);
                }

                position += (int)length;
                fragments++;
            }
        }

        private bool TryReadHeader(int position, int end, bool explicitVr, out ElementHeader header)
        {
            header = default;
            if (position + 8 > end)
            {
                return false;
            }

            var group = ReadUInt16(position);
            var element = ReadUInt16(position + 2);
            if (group == 0xFFFE || !explicitVr)
            {
                header = new ElementHeader(group, element, "", 8, ReadUInt32(position + 4));
                return true;
            }

            var vr = Encoding.ASCII.GetString(_file.Slice(position + 4, 2));
            if (!HasLongLength(vr))
            {
                header = new ElementHeader(group, element, vr, 8, ReadUInt16(position + 6));
                return true;
            }

            if (position + 12 > end)
            {
                return false;
            }

            header = new ElementHeader(group, element, vr, 12, ReadUInt32(position + 8));
            return true;
        }

        private ushort ReadUInt16(int position) => bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(_file[position..])
            : BinaryPrimitives.ReadUInt16LittleEndian(_file[position..]);

        private uint ReadUInt32(int position) => bigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(_file[position..])
            : BinaryPrimitives.ReadUInt32LittleEndian(_file[position..]);
    }

    /// <summary>Tag, VR as written (empty in implicit encodings), header size (8 or 12 bytes) and value length.</summary>
    private readonly record struct ElementHeader(ushort Group, ushort Element, string Vr, int Size, uint Length);
}
