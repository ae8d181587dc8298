using System.Globalization;
using BlendSign.Data.Dicom;

namespace BlendSign.Data.Demo;

// int16 stored values (HU + 1024) with rescale intercept −1024 and slope 1, so HU read back exactly.
public sealed class SyntheticCtWriter
{
    public const int RescaleIntercept = -1024;

    private const string StudyDate = "20240101";
    private const string StudyTime = "120000";

    public void Write(string path, SyntheticCtHeader header, ReadOnlySpan<short> hu, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(hu.Length, rows * columns, nameof(hu));
        var bytes = new byte[hu.Length * sizeof(short)];
        var stored = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(bytes.AsSpan());
        for (var i = 0; i < hu.Length; i++)
        {
            stored[i] = (short)(hu[i] - RescaleIntercept);
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The synthetic CT writer assumes a little-endian machine.");
        }

        // ImageWriter.SetImage hands the image to a GDCM smart pointer, which deletes it with the writer;
        // the managed wrapper must then neither dispose nor finalize it (that double free crashes the process).
        var image = new gdcm.Image();
        GC.SuppressFinalize(image);
        image.SetNumberOfDimensions(2);
        image.SetDimension(0, (uint)columns);
        image.SetDimension(1, (uint)rows);
        image.SetPixelFormat(new gdcm.PixelFormat(gdcm.PixelFormat.ScalarType.INT16));
        image.SetPhotometricInterpretation(new gdcm.PhotometricInterpretation(gdcm.PhotometricInterpretation.PIType.MONOCHROME2));
        image.SetIntercept(RescaleIntercept);
        image.SetSlope(1);
        // GDCM writes Pixel Spacing, Image Position and Orientation (Patient) from these.
        // The array setters size GDCM's vectors; the indexed setter then sets the third coordinate,
        // which the array setter of a 2-D image leaves at 0 (the indexed one alone writes out of bounds).
        image.SetSpacing(new double[] { header.PixelSpacingMm, header.PixelSpacingMm, header.SliceThicknessMm });
        image.SetOrigin(new double[] { -columns / 2.0 * header.PixelSpacingMm, -rows / 2.0 * header.PixelSpacingMm, header.SlicePositionMm });
        image.SetOrigin(2, header.SlicePositionMm);
        image.SetDirectionCosines(new double[] { 1, 0, 0, 0, 1, 0 });
        using var pixels = new gdcm.DataElement(new gdcm.Tag(0x7FE0, 0x0010));
        pixels.SetByteValue(bytes, new gdcm.VL((uint)bytes.Length));
        image.SetDataElement(pixels);

        using var writer = new gdcm.ImageWriter();
        writer.SetImage(image);
        writer.SetFileName(path);
        // The anonymizer's Replace inserts or overwrites a value with the dictionary's VR and padding.
        using var values = new gdcm.Anonymizer();
        values.SetFile(writer.GetFile());
        foreach (var ((group, element), value) in Attributes(header))
        {
            values.Replace(new gdcm.Tag(group, element), value);
        }

        if (!writer.Write())
        {
            throw new IOException($"GDCM could not write {path}.");
        }
    }

    /// <summary>
    /// The CT Image IOD's Type 1 and 2 attributes (PS3.3 A.3), the same for every slice of a series where they belong to
    /// the study or series (fixed dates and times: GDCM would otherwise stamp each file with the time it was written).
    /// </summary>
    private static IEnumerable<((ushort Group, ushort Element) Tag, string Value)> Attributes(SyntheticCtHeader header)
    {
        var invariant = CultureInfo.InvariantCulture;
        yield return ((0x0008, 0x0020), StudyDate);
        yield return ((0x0008, 0x0021), StudyDate);
        yield return ((0x0008, 0x0023), StudyDate);
        yield return ((0x0008, 0x0030), StudyTime);
        yield return ((0x0008, 0x0031), StudyTime);
        yield return ((0x0008, 0x0033), StudyTime);
        yield return ((0x0008, 0x0050), "");
        yield return ((0x0008, 0x0090), "");
        yield return ((0x0010, 0x0030), "");
        yield return ((0x0010, 0x0040), "O");
        yield return ((0x0018, 0x5100), "HFS");
        yield return ((0x0020, 0x0010), "1");
        yield return ((0x0020, 0x0012), "1");
        yield return ((0x0020, 0x0052), header.FrameOfReferenceUid);
        yield return ((0x0020, 0x1040), "");
        yield return ((0x0008, 0x0008), @"ORIGINAL\PRIMARY\AXIAL");
        yield return ((0x0008, 0x0016), DicomUids.CtImageStorage);
        yield return ((0x0008, 0x0018), header.SopInstanceUid);
        yield return ((0x0008, 0x0060), "CT");
        yield return ((0x0008, 0x0070), "BlendSign");
        yield return ((0x0008, 0x103E), header.SeriesDescription);
        yield return ((0x0010, 0x0010), header.PatientName);
        yield return ((0x0010, 0x0020), header.PatientId);
        yield return ((0x0010, 0x1010), header.PatientAgeYears.ToString("000", invariant) + "Y");
        yield return ((0x0018, 0x0015), "HEAD");
        yield return ((0x0018, 0x0050), header.SliceThicknessMm.ToString("0.###", invariant));
        yield return ((0x0018, 0x0060), "120");
        yield return ((0x0020, 0x000D), header.StudyInstanceUid);
        yield return ((0x0020, 0x000E), header.SeriesInstanceUid);
        yield return ((0x0020, 0x0011), "1");
        yield return ((0x0020, 0x0013), header.InstanceNumber.ToString(invariant));
        yield return ((0x0020, 0x1041), header.SlicePositionMm.ToString("0.###", invariant));
        yield return ((0x0028, 0x0004), "MONOCHROME2");
        yield return ((0x0028, 0x1054), "HU");
    }
}
