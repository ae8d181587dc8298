using System.Buffers.Binary;

namespace BlendSign.Data.Dicom;

/// <summary>
/// Finds files whose pixel data stops before its declared end. GDCM reads such files with only a
/// warning: a cut native file comes back zero-filled and a cut JPEG decodes into garbage, so the
/// reader checks the bytes on disk itself.
/// </summary>
internal static class PixelDataExtent
{
    private const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    private const string ExplicitBigEndian = "1.2.840.10008.1.2.2";
    private const string DeflatedLittleEndian = "1.2.840.10008.1.2.1.99";
    private const uint UndefinedLength = 0xFFFFFFFF;

    /// <summary>
    /// A description of the truncation, or null when the pixel data is complete or its extent cannot be
    /// located (deflated data sets, unusual layouts: then the decoder has the last word).
    /// </summary>
    /// <param name="file">The whole file.</param>
    /// <param name="transferSyntax">The data set's transfer syntax UID.</param>
    /// <param name="declaredLength">The Pixel Data element's value length as GDCM read it.</param>
    public static string? FindTruncation(ReadOnlySpan<byte> file, string transferSyntax, uint declaredLength)
    {
        if (transferSyntax == DeflatedLittleEndian)
        {
            return null;
        }

        var bigEndian = transferSyntax == ExplicitBigEndian;
        var explicitVr = transferSyntax != ImplicitLittleEndian;
        var valueStart = FindValueStart(file, bigEndian, explicitVr, declaredLength);
        if (valueStart < 0)
        {
            return null;
        }

        if (declaredLength != UndefinedLength)
        {
            var available = file.Length - valueStart;
            return available < declaredLength
                ? $"truncated pixel data ({available} of {declaredLength} bytes present)"
                : null;
        }

        return FindFragmentTruncation(file, valueStart, bigEndian);
    }

    /// <summary>Offset of the top-level Pixel Data value, searched from the end (an icon image sequence may hold another).</summary>
    private static int FindValueStart(ReadOnlySpan<byte> file, bool bigEndian, bool explicitVr, uint declaredLength)
    {
        ReadOnlySpan<byte> tag = bigEndian ? [0x7F, 0xE0, 0x00, 0x10] : [0xE0, 0x7F, 0x10, 0x00];
        var lengthOffset = explicitVr ? 8 : 4;
        var searchEnd = file.Length;
        while (searchEnd > 0)
        {
            var at = file[..searchEnd].LastIndexOf(tag);
            if (at < 0)
            {
                return -1;
            }

            if (at + lengthOffset + 4 <= file.Length
                && ReadUInt32(file[(at + lengthOffset)..], bigEndian) == declaredLength
                && (!explicitVr || (file[at + 6] == 0 && file[at + 7] == 0)))
            {
                return at + lengthOffset + 4;
            }

            searchEnd = at;
        }

        return -1;
    }

    /// <summary>Walks the encapsulated fragments (item FFFE,E000 … delimiter FFFE,E0DD) to see whether they end inside the file.</summary>
    private static string? FindFragmentTruncation(ReadOnlySpan<byte> file, int position, bool bigEndian)
    {
        var fragments = 0;
        while (true)
        {
            if (position + 8 > file.Length)
            {
                return $"truncated pixel data (the file ends after {fragments} compressed fragments, before the end of the pixel data)";
            }

            var group = ReadUInt16(file[position..], bigEndian);
            var element = ReadUInt16(file[(position + 2)..], bigEndian);
            var length = ReadUInt32(file[(position + 4)..], bigEndian);
            if (group != 0xFFFE)
            {
                return null;
            }

            if (element == 0xE0DD)
            {
                return null;
            }

            if (element != 0xE000 || length == UndefinedLength)
            {
                return null;
            }

            if ((long)position + 8 + length > file.Length)
            {
                return $"truncated pixel data (compressed fragment {fragments + 1} is cut off)";
            }

            position += 8 + (int)length;
            fragments++;
        }
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
}
