namespace BlendSign.Data.Dicom;

/// <summary>
/// Decodes one single-frame grayscale DICOM slice with GDCM (uncompressed, RLE, JPEG lossless,
/// JPEG 2000, JPEG-LS). Never throws for bad input: every refusal comes back with a reason.
/// </summary>
public sealed class DicomSliceReader
{
    private readonly bool _managedJpegLossless;

    public DicomSliceReader()
        : this(managedJpegLossless: true)
    {
    }

    /// <param name="managedJpegLossless">False leaves every decode to GDCM (tests compare the two).</param>
    internal DicomSliceReader(bool managedJpegLossless) => _managedJpegLossless = managedJpegLossless;

    public DicomReadResult Read(string path)
    {
        using var reader = new gdcm.ImageReader();
        reader.SetFileName(path);
        if (!reader.Read())
        {
            return DicomReadResult.Rejected(DescribeUnreadable(path));
        }

        var file = reader.GetFile();
        using var strings = new gdcm.StringFilter();
        strings.SetFile(file);
        string? Get((ushort Group, ushort Element) tag) =>
            DicomValueParser.Text(strings.ToString(new gdcm.Tag(tag.Group, tag.Element)));

        var transferSyntax = file.GetHeader().GetDataSetTransferSyntax().GetString()?.Trim('\0', ' ') ?? "";
        var image = reader.GetImage();
        var pixels = DecodePixels(image, transferSyntax, out var pixelProblem);
        if (pixels is null)
        {
            return DicomReadResult.Rejected(pixelProblem!);
        }

        var sopInstanceUid = Get(DicomTags.SopInstanceUid);
        var studyInstanceUid = Get(DicomTags.StudyInstanceUid);
        var seriesInstanceUid = Get(DicomTags.SeriesInstanceUid);
        if (sopInstanceUid is null || studyInstanceUid is null || seriesInstanceUid is null)
        {
            return DicomReadResult.Rejected("missing SOP Instance, Study Instance or Series Instance UID");
        }

        var spacing = DicomValueParser.Decimals(Get(DicomTags.PixelSpacing));
        var header = new DicomSliceHeader(
            sopInstanceUid,
            studyInstanceUid,
            seriesInstanceUid,
            Get(DicomTags.Modality)?.ToUpperInvariant() ?? "",
            transferSyntax,
            Get(DicomTags.SeriesDescription),
            DicomValueParser.Integer(Get(DicomTags.InstanceNumber)),
            DicomValueParser.Decimals(Get(DicomTags.ImagePositionPatient)) is { Length: 3 } position ? position : null,
            DicomValueParser.Decimals(Get(DicomTags.ImageOrientationPatient)) is { Length: 6 } orientation ? orientation : null,
            spacing is { Length: 2 } ? spacing[0] : null,
            spacing is { Length: 2 } ? spacing[1] : null,
            DicomValueParser.AgeInYears(Get(DicomTags.PatientAge)));
        return DicomReadResult.Accepted(new DicomSlice(header, pixels));
    }

    private HuSlice? DecodePixels(gdcm.Image image, string transferSyntax, out string? problem)
    {
        problem = null;
        var format = image.GetPixelFormat();
        if (format.GetSamplesPerPixel() != 1)
        {
            problem = $"colour image ({format.GetSamplesPerPixel()} samples per pixel), not a grayscale CT slice";
            return null;
        }

        if (image.GetNumberOfDimensions() > 2 && image.GetDimension(2) > 1)
        {
            problem = $"multi-frame image ({image.GetDimension(2)} frames); only single-slice files are imported";
            return null;
        }

        var columns = (int)image.GetDimension(0);
        var rows = (int)image.GetDimension(1);
        if (rows <= 0 || columns <= 0)
        {
            problem = "image has no rows or columns";
            return null;
        }

        var scalar = format.GetScalarType();
        var bytesPerPixel = scalar switch
        {
            gdcm.PixelFormat.ScalarType.INT16 or gdcm.PixelFormat.ScalarType.UINT16 => 2,
            gdcm.PixelFormat.ScalarType.INT8 or gdcm.PixelFormat.ScalarType.UINT8 => 1,
            _ => 0,
        };
        if (bytesPerPixel == 0)
        {
            problem = $"unsupported pixel type {format.GetScalarTypeAsString()}";
            return null;
        }

        var expected = (long)rows * columns * bytesPerPixel;
        var length = (long)image.GetBufferLength();
        if (length < expected)
        {
            problem = $"truncated pixel data ({length} of {expected} bytes)";
            return null;
        }

        // Lossless JPEG, most of real CT, decodes about 3x faster in managed code; GDCM takes the rest.
        if (_managedJpegLossless && bytesPerPixel == 2 && format.GetBitsStored() == 16
            && JpegLosslessDecoder.IsLosslessTransferSyntax(transferSyntax)
            && GdcmJpegLosslessFrame.TryDecode(image, rows, columns, scalar == gdcm.PixelFormat.ScalarType.UINT16) is { } decoded)
        {
            return decoded;
        }

        var buffer = new byte[length];
        if (!image.GetBuffer(buffer))
        {
            problem = DescribeUndecodable(transferSyntax);
            return null;
        }

        return ToHuSlice(buffer, rows, columns, scalar, image.GetSlope(), image.GetIntercept());
    }

    private static HuSlice ToHuSlice(byte[] buffer, int rows, int columns, gdcm.PixelFormat.ScalarType scalar,
        double slope, double intercept)
    {
        var count = rows * columns;
        var stored = new short[count];
        switch (scalar)
        {
            case gdcm.PixelFormat.ScalarType.INT16:
                Buffer.BlockCopy(buffer, 0, stored, 0, count * 2);
                break;
            case gdcm.PixelFormat.ScalarType.UINT16:
                // Shift unsigned values into short's range and move the offset into the intercept: exact.
                var unsigned = new ushort[count];
                Buffer.BlockCopy(buffer, 0, unsigned, 0, count * 2);
                for (var i = 0; i < count; i++)
                {
                    stored[i] = (short)(unsigned[i] - 32768);
                }

                intercept += 32768 * slope;
                break;
            case gdcm.PixelFormat.ScalarType.INT8:
                for (var i = 0; i < count; i++)
                {
                    stored[i] = (sbyte)buffer[i];
                }

                break;
            default:
                for (var i = 0; i < count; i++)
                {
                    stored[i] = buffer[i];
                }

                break;
        }

        return new HuSlice(rows, columns, stored, slope, intercept);
    }

    private static string DescribeUndecodable(string transferSyntax) =>
        $"pixel data could not be decoded (transfer syntax {transferSyntax})";

    private static string DescribeUnreadable(string path)
    {
        using var plain = new gdcm.Reader();
        plain.SetFileName(path);
        if (!plain.Read())
        {
            return "not a DICOM file";
        }

        return plain.GetFile().GetDataSet().FindDataElement(new gdcm.Tag(DicomTags.PixelData.Group, DicomTags.PixelData.Element))
            ? "pixel data could not be read (damaged or unsupported encoding)"
            : "no pixel data (not an image)";
    }
}
