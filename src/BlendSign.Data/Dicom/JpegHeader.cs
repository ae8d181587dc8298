using System.Buffers.Binary;

namespace BlendSign.Data.Dicom;

// Debian's GDCM reads these headers itself before decoding and aborts the process (failed assertions) on a malformed
// marker, a short or foreign JFIF segment, or a sample precision outside 8–16 bits.
internal static class JpegHeader
{
    private static readonly HashSet<string> JpegTransferSyntaxes =
    [
        "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
        "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81",
    ];

    public static bool Applies(string? transferSyntax) => transferSyntax is not null && JpegTransferSyntaxes.Contains(transferSyntax);

    public static string? FindProblem(ReadOnlySpan<byte> stream, int rows, int columns)
    {
        if (stream.Length < 4 || stream[0] != 0xFF || stream[1] != 0xD8)
        {
            return "damaged compressed pixel data (no JPEG start-of-image marker)";
        }

        var position = 2;
        while (true)
        {
            if (position + 4 > stream.Length || stream[position] != 0xFF)
            {
                return "damaged compressed pixel data (malformed JPEG header)";
            }

            var marker = stream[position + 1];
            if (marker is 0x00 or 0x01 or 0xFF || marker is >= 0xD0 and <= 0xD9)
            {
                return "damaged compressed pixel data (unexpected JPEG marker in the header)";
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(stream[(position + 2)..]);
            if (length < 2 || position + 2 + length > stream.Length)
            {
                return "damaged compressed pixel data (a JPEG header segment is cut off)";
            }

            var segment = stream.Slice(position + 4, length - 2);
            var problem = marker switch
            {
                0xE0 => CheckJfif(segment),
                0xDA => null,
                _ when IsStartOfFrame(marker) => CheckFrame(segment, rows, columns),
                _ => null,
            };
            if (problem is not null || marker == 0xDA)
            {
                return problem;
            }

            position += 2 + length;
        }
    }

    /// <summary>SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), plus JPEG-LS's SOF55 (F7).</summary>
    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC) || marker == 0xF7;

    private static string? CheckJfif(ReadOnlySpan<byte> segment) =>
        segment.Length >= 5 && segment[..5].SequenceEqual("JFIF\0"u8) && (segment.Length < 14 || segment[5] != 1)
            ? "damaged compressed pixel data (malformed JFIF segment)"
            : null;

    private static string? CheckFrame(ReadOnlySpan<byte> segment, int rows, int columns)
    {
        if (segment.Length < 6)
        {
            return "damaged compressed pixel data (malformed JPEG frame header)";
        }

        var precision = segment[0];
        var height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        var width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        var components = segment[5];
        if (precision is < 8 or > 16)
        {
            return $"unsupported compressed pixel data (JPEG sample precision {precision} bits; 8 to 16 are read)";
        }

        if (components != 1)
        {
            return $"colour image ({components} JPEG components), not a grayscale CT slice";
        }

        return (height != 0 && height != rows) || width != columns
            ? $"damaged compressed pixel data (the JPEG stream is {width}×{height}, the header says {columns}×{rows})"
            : null;
    }
}
