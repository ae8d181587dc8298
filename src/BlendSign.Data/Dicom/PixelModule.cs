using System.Buffers.Binary;
using System.Text;

namespace BlendSign.Data.Dicom;

/// <summary>
/// The Image Pixel module's values as found in the file (group 0028) and whether it has Pixel Data.
/// Checked before GDCM interprets the image, because Debian's GDCM aborts the process (failed assertions)
/// on some impossible values, such as more than four samples per pixel.
/// </summary>
internal sealed class PixelModule
{
    public bool HasPixelData { get; set; }

    /// <summary>Pixel Data's value length when it is native (uncompressed); null when encapsulated.</summary>
    public uint? NativeLength { get; set; }

    /// <summary>The data set's transfer syntax UID.</summary>
    public string? TransferSyntax { get; set; }

    /// <summary>Where the first compressed fragment (after the offset table) lies in the file, when encapsulated.</summary>
    public (int Offset, int Length)? FirstFragment { get; set; }

    public int? SamplesPerPixel { get; private set; }
    public string? PhotometricInterpretation { get; private set; }
    public int? NumberOfFrames { get; private set; }
    public int? Rows { get; private set; }
    public int? Columns { get; private set; }
    public int? BitsAllocated { get; private set; }
    public int? BitsStored { get; private set; }
    public int? HighBit { get; private set; }
    public int? PixelRepresentation { get; private set; }

    /// <summary>The retired Recognition Code (0008,0010); GDCM asserts it names ACR-NEMA when present.</summary>
    public string? RecognitionCode { get; private set; }

    /// <summary>Takes one top-level element of group 0028 (US values are 2 bytes, the others text), or the recognition code.</summary>
    public void Capture(ushort group, ushort element, ReadOnlySpan<byte> value, bool bigEndian)
    {
        if (group == 0x0008)
        {
            RecognitionCode = Encoding.ASCII.GetString(value).Trim('\0', ' ');
            return;
        }

        int? unsignedShort = value.Length != 2 ? null
            : bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(value) : BinaryPrimitives.ReadUInt16LittleEndian(value);
        switch (element)
        {
            case 0x0002: SamplesPerPixel = unsignedShort; break;
            case 0x0004: PhotometricInterpretation = DicomValueParser.Text(Encoding.ASCII.GetString(value)); break;
            case 0x0008: NumberOfFrames = DicomValueParser.Integer(Encoding.ASCII.GetString(value)); break;
            case 0x0010: Rows = unsignedShort; break;
            case 0x0011: Columns = unsignedShort; break;
            case 0x0100: BitsAllocated = unsignedShort; break;
            case 0x0101: BitsStored = unsignedShort; break;
            case 0x0102: HighBit = unsignedShort; break;
            case 0x0103: PixelRepresentation = unsignedShort; break;
        }
    }

    /// <summary>Why BlendSign cannot take this image, or null when it describes one grayscale slice it can.</summary>
    /// <param name="file">The whole file, for a look at the compressed stream's own header.</param>
    public string? FindProblem(ReadOnlySpan<byte> file)
    {
        if (FindKindProblem() is { } kind)
        {
            return kind;
        }

        if (Rows is not > 0 || Columns is not > 0)
        {
            return "damaged DICOM file (the image has no rows or columns)";
        }

        if (BitsAllocated is not (8 or 16))
        {
            return BitsAllocated is null
                ? "damaged DICOM file (Bits Allocated is missing)"
                : $"unsupported pixel type ({BitsAllocated} bits allocated; 8 or 16 are read)";
        }

        if (BitsStored is { } stored && (stored < 1 || stored > BitsAllocated)
            || HighBit is { } high && high >= BitsAllocated
            || PixelRepresentation is { } representation && representation > 1)
        {
            return "damaged DICOM file (impossible pixel description in group 0028)";
        }

        return FindPixelDataProblem(file, Rows.Value, Columns.Value, BitsAllocated.Value);
    }

    /// <summary>Why this is no single-frame grayscale image, or null when it is one.</summary>
    private string? FindKindProblem()
    {
        if (!HasPixelData)
        {
            return "no pixel data (not an image)";
        }

        if (RecognitionCode is { Length: > 0 } code
            && !code.StartsWith("ACR-NEMA", StringComparison.Ordinal) && !code.StartsWith("ACRNEMA", StringComparison.Ordinal)
            && !code.StartsWith("MIPS 2.0", StringComparison.Ordinal))
        {
            return "damaged DICOM file (unknown recognition code in (0008,0010))";
        }

        if (SamplesPerPixel is { } samples && samples != 1)
        {
            return $"colour image ({samples} samples per pixel), not a grayscale CT slice";
        }

        if (PhotometricInterpretation is { } photometric && photometric is not ("MONOCHROME1" or "MONOCHROME2"))
        {
            return $"colour image (photometric interpretation {photometric}), not a grayscale CT slice";
        }

        return NumberOfFrames is > 1 ? $"multi-frame image ({NumberOfFrames} frames); only single-slice files are imported" : null;
    }

    /// <summary>Why the pixel data cannot hold the image the module describes, or null when it can.</summary>
    private string? FindPixelDataProblem(ReadOnlySpan<byte> file, int rows, int columns, int bitsAllocated)
    {
        // GDCM copies rows × columns pixels out of native pixel data without checking its length.
        var needed = (long)rows * columns * (bitsAllocated / 8);
        if (NativeLength is { } length && length < needed)
        {
            return $"damaged DICOM file (pixel data holds {length} bytes; {rows} rows × {columns} columns need {needed})";
        }

        if (NativeLength is null && JpegHeader.Applies(TransferSyntax))
        {
            return FirstFragment is { } fragment
                ? JpegHeader.FindProblem(file.Slice(fragment.Offset, fragment.Length), rows, columns)
                : "damaged compressed pixel data (no compressed fragment)";
        }

        return null;
    }
}
