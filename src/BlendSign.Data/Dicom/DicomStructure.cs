using System.Buffers.Binary;
using System.Text;

namespace BlendSign.Data.Dicom;

/// <summary>
/// Walks the element headers of a DICOM file, without interpreting values, to find files that end inside
/// an element. Two reasons: Debian's GDCM is built with assertions on and aborts the whole process on a
/// file cut inside its header; and it reads a file cut inside its pixel data with only a warning (a
/// native image comes back zero-filled, a JPEG decodes into garbage).
/// </summary>
internal static class DicomStructure
{
    private const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    private const string ExplicitBigEndian = "1.2.840.10008.1.2.2";
    private const string DeflatedLittleEndian = "1.2.840.10008.1.2.1.99";
    private const uint UndefinedLength = 0xFFFFFFFF;
    private const int PreambleLength = 128;
    private const int MaxDepth = 32;

    /// <summary>
    /// A reason for refusing the file, or null when every element lies inside it. A file without the
    /// "DICM" marker whose elements do not add up is called not DICOM: nothing says it ever was.
    /// </summary>
    public static string? FindDamage(ReadOnlySpan<byte> file) => FindDamage(file, new PixelModule());

    /// <inheritdoc cref="FindDamage(ReadOnlySpan{byte})"/>
    /// <param name="pixels">Filled with the top-level Image Pixel module values the walk passes.</param>
    public static string? FindDamage(ReadOnlySpan<byte> file, PixelModule pixels)
    {
        var position = 0;
        string? transferSyntax = null;
        var marked = file.Length >= PreambleLength + 4 && file.Slice(PreambleLength, 4).SequenceEqual("DICM"u8);
        if (marked)
        {
            position = PreambleLength + 4;
            var meta = new Walker(file, explicitVr: true, bigEndian: false);
            if (!meta.TryReadMetaGroup(ref position, out transferSyntax))
            {
                return "damaged DICOM file (the file ends inside its meta header)";
            }
        }

        transferSyntax ??= GuessTransferSyntax(file[position..]);
        if (transferSyntax == DeflatedLittleEndian)
        {
            return null; // the data set is compressed; GDCM inflates and checks it
        }

        var walker = new Walker(file, explicitVr: transferSyntax != ImplicitLittleEndian, bigEndian: transferSyntax == ExplicitBigEndian);
        var damage = walker.Walk(position, pixels);
        return marked || (damage is null && pixels.HasPixelData) ? damage : "not a DICOM file";
    }

    /// <summary>A data set without meta header: explicit when a VR's two capital letters follow the first tag.</summary>
    private static string GuessTransferSyntax(ReadOnlySpan<byte> dataSet) =>
        dataSet.Length >= 6 && char.IsAsciiLetterUpper((char)dataSet[4]) && char.IsAsciiLetterUpper((char)dataSet[5])
            ? "1.2.840.10008.1.2.1"
            : ImplicitLittleEndian;

    private readonly ref struct Walker(ReadOnlySpan<byte> file, bool explicitVr, bool bigEndian)
    {
        private readonly ReadOnlySpan<byte> _file = file;
        private readonly bool _explicitVr = explicitVr;
        private readonly bool _bigEndian = bigEndian;

        public bool TryReadMetaGroup(ref int position, out string? transferSyntax)
        {
            transferSyntax = null;
            while (position + 4 <= _file.Length && ReadUInt16(position) == 0x0002)
            {
                if (!TryReadHeader(position, _explicitVr, out var header) || header.Length == UndefinedLength
                    || position + header.Size + (long)header.Length > _file.Length)
                {
                    return false;
                }

                if (header.Element == 0x0010)
                {
                    transferSyntax = Encoding.ASCII.GetString(_file.Slice(position + header.Size, (int)header.Length)).Trim('\0', ' ');
                }

                position += header.Size + (int)header.Length;
            }

            return true;
        }

        /// <summary>Walks the top-level data set from <paramref name="position"/> to the end of the file.</summary>
        public string? Walk(int position, PixelModule pixels) =>
            WalkElements(ref position, _explicitVr, depth: 0, inItem: false, pixels);

        private string? WalkElements(ref int position, bool explicitVr, int depth, bool inItem, PixelModule? pixels = null)
        {
            if (depth > MaxDepth)
            {
                return "damaged DICOM file (sequences nested too deep)";
            }

            while (position < _file.Length)
            {
                if (!TryReadHeader(position, explicitVr, out var header))
                {
                    return "damaged DICOM file (the file ends inside an element header)";
                }

                if (header.Group == 0xFFFE)
                {
                    // An item delimiter closes the item being walked; anything else here is out of place.
                    position += 8;
                    return inItem && header.Element == 0xE00D ? null : "damaged DICOM file (misplaced item delimiter)";
                }

                position += header.Size;
                if (pixels is not null && header is { Group: 0x7FE0, Element: 0x0010 })
                {
                    pixels.HasPixelData = true;
                }

                if (header.Length != UndefinedLength)
                {
                    var available = _file.Length - position;
                    if (available < header.Length)
                    {
                        return header is { Group: 0x7FE0, Element: 0x0010 } && depth == 0
                            ? $"truncated pixel data ({available} of {header.Length} bytes present)"
                            : "damaged DICOM file (the file ends inside an element)";
                    }

                    if (pixels is not null && header.Group == 0x0028 && header.Length <= 64)
                    {
                        pixels.Capture(header.Element, _file.Slice(position, (int)header.Length), _bigEndian);
                    }

                    position += (int)header.Length;
                    continue;
                }

                // Undefined length: a sequence, encapsulated pixel data, or UN holding an implicit-VR sequence.
                var damage = header is { Group: 0x7FE0, Element: 0x0010 }
                    ? WalkFragments(ref position)
                    : WalkItems(ref position, explicitVr && !header.IsUnknown, depth + 1);
                if (damage is not null)
                {
                    return damage;
                }
            }

            return inItem ? "damaged DICOM file (the file ends inside a sequence item)" : null;
        }

        private string? WalkItems(ref int position, bool explicitVr, int depth)
        {
            while (true)
            {
                if (position + 8 > _file.Length)
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
                    if (WalkElements(ref position, explicitVr, depth, inItem: true) is { } damage)
                    {
                        return damage;
                    }
                }
                else if (_file.Length - position < length)
                {
                    return "damaged DICOM file (the file ends inside a sequence item)";
                }
                else
                {
                    position += (int)length;
                }
            }
        }

        /// <summary>Encapsulated pixel data: items (fragments) up to the sequence delimiter.</summary>
        private string? WalkFragments(ref int position)
        {
            var fragments = 0;
            while (true)
            {
                if (position + 8 > _file.Length)
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

                if (_file.Length - position < length)
                {
                    return $"truncated pixel data (compressed fragment {fragments + 1} is cut off)";
                }

                position += (int)length;
                fragments++;
            }
        }

        private bool TryReadHeader(int position, bool explicitVr, out ElementHeader header)
        {
            header = default;
            if (position + 8 > _file.Length)
            {
                return false;
            }

            var group = ReadUInt16(position);
            var element = ReadUInt16(position + 2);
            if (group == 0xFFFE || !explicitVr)
            {
                header = new ElementHeader(group, element, 8, ReadUInt32(position + 4), IsUnknown: false);
                return true;
            }

            var vr = _file.Slice(position + 4, 2);
            if (!HasLongLength(vr))
            {
                header = new ElementHeader(group, element, 8, _bigEndian
                    ? BinaryPrimitives.ReadUInt16BigEndian(_file[(position + 6)..])
                    : BinaryPrimitives.ReadUInt16LittleEndian(_file[(position + 6)..]), IsUnknown: false);
                return true;
            }

            if (position + 12 > _file.Length)
            {
                return false;
            }

            header = new ElementHeader(group, element, 12, ReadUInt32(position + 8), IsUnknown: vr.SequenceEqual("UN"u8));
            return true;
        }

        /// <summary>VRs with a reserved 2 bytes and a 4-byte length in explicit encodings.</summary>
        private static bool HasLongLength(ReadOnlySpan<byte> vr) =>
            vr.SequenceEqual("OB"u8) || vr.SequenceEqual("OW"u8) || vr.SequenceEqual("OF"u8) || vr.SequenceEqual("OD"u8)
            || vr.SequenceEqual("OL"u8) || vr.SequenceEqual("OV"u8) || vr.SequenceEqual("SQ"u8) || vr.SequenceEqual("SV"u8)
            || vr.SequenceEqual("UC"u8) || vr.SequenceEqual("UN"u8) || vr.SequenceEqual("UR"u8) || vr.SequenceEqual("UT"u8)
            || vr.SequenceEqual("UV"u8);

        private ushort ReadUInt16(int position) => _bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(_file[position..])
            : BinaryPrimitives.ReadUInt16LittleEndian(_file[position..]);

        private uint ReadUInt32(int position) => _bigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(_file[position..])
            : BinaryPrimitives.ReadUInt32LittleEndian(_file[position..]);
    }

    /// <summary>Tag, header size (8 or 12 bytes) and value length of one element.</summary>
    private readonly record struct ElementHeader(ushort Group, ushort Element, int Size, uint Length, bool IsUnknown);
}
