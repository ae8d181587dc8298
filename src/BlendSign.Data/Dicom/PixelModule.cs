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
    public int? SamplesPerPixel { get; private set; }
    public string? PhotometricInterpretation { get; private set; }
    public int? NumberOfFrames { get; private set; }
    public int? Rows { get; private set; }
    public int? Columns { get; private set; }
    public int? BitsAllocated { get; private set; }
    public int? BitsStored { get; private set; }
    public int? HighBit { get; private set; }
    public int? PixelRepresentation { get; private set; }

    /// <summary>Takes one top-level element of group 0028 (US values are 2 bytes, the others text).</summary>
    public void Capture(ushort element, ReadOnlySpan<byte> value, bool bigEndian)
    {
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
    public string? FindProblem()
    {
        if (!HasPixelData)
        {
            return "no pixel data (not an image)";
        }

        if (SamplesPerPixel is { } samples && samples != 1)
        {
            return $"colour image ({samples} samples per pixel), not a grayscale CT slice";
        }

        if (PhotometricInterpretation is { } photometric && photometric is not ("MONOCHROME1" or "MONOCHROME2"))
        {
            return $"colour image (photometric interpretation {photometric}), not a grayscale CT slice";
        }

        if (NumberOfFrames is > 1)
        {
            return $"multi-frame image ({NumberOfFrames} frames); only single-slice files are imported";
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

        return null;
    }
}
