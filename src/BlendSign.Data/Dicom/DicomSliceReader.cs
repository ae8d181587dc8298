using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace BlendSign.Data.Dicom;

/// <summary>
/// Decodes one single-frame grayscale DICOM slice with GDCM (uncompressed, RLE, JPEG lossless,
/// JPEG 2000, JPEG-LS). Never throws for bad input: every refusal comes back with a reason.
/// Patient-identifying fields are never returned; the age is computed from the dates when the file
/// has no Patient's Age, and the dates themselves are dropped.
/// </summary>
/// <remarks>
/// Each file is checked in managed code first (<see cref="DicomStructure"/>, <see cref="PixelModule"/>,
/// <see cref="JpegHeader"/>): Debian's GDCM aborts the process on many damaged files, and reads a file
/// cut inside its pixel data without an error.
/// </remarks>
public sealed class DicomSliceReader : IDicomDecoder
{
    /// <summary>Larger files are no single slice (a 1024² float slice is 4 MB); refusing them bounds memory.</summary>
    internal const long MaxFileBytes = 256L * 1024 * 1024;

    private readonly GdcmDictionaryVrs _vrs = new();
    private readonly bool _managedJpegLossless;

    public DicomSliceReader()
        : this(managedJpegLossless: true)
    {
    }

    /// <param name="managedJpegLossless">False leaves every decode to GDCM (tests compare the two).</param>
    internal DicomSliceReader(bool managedJpegLossless)
    {
        _managedJpegLossless = managedJpegLossless;

        // GDCM reports damaged input on stderr; the reader turns it into a rejection reason instead,
        // and those messages would mix with the command line's logs.
        gdcm.Trace.WarningOff();
        gdcm.Trace.ErrorOff();
        gdcm.Trace.DebugOff();
    }

    public DicomReadResult Read(string path) => Read(path, allowNativeCodecs: true);

    /// <summary>Every codec in this process: for trusted files (the demo's own, benchmarks); imports of untrusted ones go through <see cref="Isolation.IsolatedDicomDecoder"/>.</summary>
    public ValueTask<DicomReadResult> ReadAsync(string path, CancellationToken cancellationToken) => ValueTask.FromResult(Read(path));

    /// <summary>
    /// With <paramref name="allowNativeCodecs"/> false, a file whose pixels need one of GDCM's native codecs (JPEG 2000,
    /// JPEG-LS, RLE, lossy JPEG, or a lossless JPEG the managed decoder declines) comes back as
    /// <see cref="DicomReadResult.NativeCodecNeeded"/> before GDCM touches its pixel data: those codecs can abort
    /// the process on damaged data, so the caller decodes such files in a child process.
    /// </summary>
    public DicomReadResult Read(string path, bool allowNativeCodecs)
    {
        if (Precheck(path, out var precheckedSyntax) is { } refusal)
        {
            return DicomReadResult.Rejected(refusal);
        }

        if (!allowNativeCodecs && (precheckedSyntax is null || !NeedsNoNativeCodec(precheckedSyntax)))
        {
            return DicomReadResult.NativeCodecNeeded;
        }

        return ReadChecked(path, allowNativeCodecs);
    }

    /// <summary>
    /// Every codec, without the managed checks: for a decoder child, whose parent ran those checks on this very file
    /// (<see cref="Read(string, bool)"/> with native codecs kept out) before sending it; reading and walking the file a
    /// second time would only repeat them.
    /// </summary>
    internal DicomReadResult ReadPrechecked(string path) => ReadChecked(path, allowNativeCodecs: true);

    private DicomReadResult ReadChecked(string path, bool allowNativeCodecs)
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
        var pixels = DecodePixels(image, transferSyntax, allowNativeCodecs, out var pixelProblem);
        if (pixels is null)
        {
            return pixelProblem is null ? DicomReadResult.NativeCodecNeeded : DicomReadResult.Rejected(pixelProblem);
        }

        var sopInstanceUid = Get(DicomTags.SopInstanceUid);
        var studyInstanceUid = Get(DicomTags.StudyInstanceUid);
        var seriesInstanceUid = Get(DicomTags.SeriesInstanceUid);
        if (sopInstanceUid is null || studyInstanceUid is null || seriesInstanceUid is null)
        {
            return DicomReadResult.Rejected("missing SOP Instance, Study Instance or Series Instance UID");
        }

        var spacing = DicomValueParser.Decimals(Get(DicomTags.PixelSpacing));
        var cuts = new List<string>();
        var seriesDescription = DicomTextLimits.Cut("SeriesDescription", Get(DicomTags.SeriesDescription), DicomTextLimits.LongString, cuts);
        var header = new DicomSliceHeader(
            sopInstanceUid,
            studyInstanceUid,
            seriesInstanceUid,
            Get(DicomTags.Modality)?.ToUpperInvariant() ?? "",
            transferSyntax,
            seriesDescription,
            DicomValueParser.Integer(Get(DicomTags.InstanceNumber)),
            DicomValueParser.Decimals(Get(DicomTags.ImagePositionPatient)) is { Length: 3 } position ? position : null,
            DicomValueParser.Decimals(Get(DicomTags.ImageOrientationPatient)) is { Length: 6 } orientation ? orientation : null,
            spacing is { Length: 2 } ? spacing[0] : null,
            spacing is { Length: 2 } ? spacing[1] : null,
            DicomValueParser.AgeInYears(Get(DicomTags.PatientAge))
                ?? DicomValueParser.AgeInYears(
                    DicomValueParser.Date(Get(DicomTags.PatientBirthDate)),
                    DicomValueParser.Date(Get(DicomTags.StudyDate)) ?? DicomValueParser.Date(Get(DicomTags.SeriesDate))))
        {
            BurnedInAnnotation = Get(DicomTags.BurnedInAnnotation)?.ToUpperInvariant(),
            IsCaptureOrDerived = BurnedInAnnotationRule.IsCaptureOrDerived(Get(DicomTags.SopClassUid), Get(DicomTags.ImageType)),
            Cuts = cuts,
        };
        return DicomReadResult.Accepted(new DicomSlice(header, pixels));
    }

    /// <summary>
    /// Refuses empty, unreadable, cut-off and impossible files before GDCM sees them: it calls the first two
    /// "not DICOM", aborts the process on a file cut inside its header or with impossible pixel values
    /// (Debian builds it with assertions on), and reads a file cut inside its pixels silently.
    /// </summary>
    private string? Precheck(string path, out string? transferSyntax)
    {
        transferSyntax = null;
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length == 0)
            {
                return "empty file (0 bytes)";
            }

            if (length > MaxFileBytes)
            {
                return $"file too large for a single slice ({length / (1024 * 1024)} MB)";
            }

            var bytes = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                var read = 0;
                while (read < length)
                {
                    var count = RandomAccess.Read(handle, bytes.AsSpan(read, (int)length - read), read);
                    if (count == 0)
                    {
                        break;
                    }

                    read += count;
                }

                var pixels = new PixelModule();
                var file = bytes.AsSpan(0, read);
                var damage = DicomStructure.FindDamage(file, pixels, _vrs) ?? pixels.FindProblem(file);
                transferSyntax = pixels.TransferSyntax;
                return damage;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return "file not found";
        }
        catch (UnauthorizedAccessException)
        {
            return "file could not be opened (permission denied)";
        }
        catch (IOException exception)
        {
            return $"file could not be read ({exception.GetType().Name})";
        }
    }

    /// <returns>The slice; or null with <paramref name="problem"/> saying why, or null without one when only a native codec not allowed here could decode it.</returns>
    private HuSlice? DecodePixels(gdcm.Image image, string transferSyntax, bool allowNativeCodecs, out string? problem)
    {
        var format = image.GetPixelFormat();
        problem = FindImageProblem(image, format, out var rows, out var columns, out var bytesPerPixel);
        if (problem is not null)
        {
            return null;
        }

        var scalar = format.GetScalarType();
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

        if (!allowNativeCodecs && !IsUncompressed(transferSyntax))
        {
            return null;
        }

        return DecodeWithGdcm(image, transferSyntax, rows, columns, scalar, length, out problem);
    }

    /// <summary>Why the image is no single-frame grayscale slice of 8- or 16-bit integers; null, with its size, when it is one.</summary>
    private static string? FindImageProblem(gdcm.Image image, gdcm.PixelFormat format, out int rows, out int columns, out int bytesPerPixel)
    {
        rows = columns = bytesPerPixel = 0;
        if (format.GetSamplesPerPixel() != 1)
        {
            return $"colour image ({format.GetSamplesPerPixel()} samples per pixel), not a grayscale CT slice";
        }

        if (image.GetNumberOfDimensions() > 2 && image.GetDimension(2) > 1)
        {
            return $"multi-frame image ({image.GetDimension(2)} frames); only single-slice files are imported";
        }

        columns = (int)image.GetDimension(0);
        rows = (int)image.GetDimension(1);
        if (rows <= 0 || columns <= 0)
        {
            return "image has no rows or columns";
        }

        bytesPerPixel = format.GetScalarType() switch
        {
            gdcm.PixelFormat.ScalarType.INT16 or gdcm.PixelFormat.ScalarType.UINT16 => 2,
            gdcm.PixelFormat.ScalarType.INT8 or gdcm.PixelFormat.ScalarType.UINT8 => 1,
            _ => 0,
        };
        return bytesPerPixel == 0 ? $"unsupported pixel type {format.GetScalarTypeAsString()}" : null;
    }

    private static HuSlice? DecodeWithGdcm(
        gdcm.Image image, string transferSyntax, int rows, int columns, gdcm.PixelFormat.ScalarType scalar, long length, out string? problem)
    {
        problem = null;

        // Pooled: a slice's decode buffer is large and short-lived, and imports decode thousands.
        var buffer = ArrayPool<byte>.Shared.Rent(checked((int)length));
        try
        {
            if (!image.GetBuffer(buffer))
            {
                problem = DescribeUndecodable(transferSyntax);
                return null;
            }

            return ToHuSlice(buffer, rows, columns, scalar, image.GetSlope(), image.GetIntercept());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
                var unsigned = new ushort[count];
                Buffer.BlockCopy(buffer, 0, unsigned, 0, count * 2);
                if (unsigned.AsSpan().ContainsAnyInRange((ushort)32768, ushort.MaxValue))
                {
                    // Values beyond short's range: shift them down and move the offset into the intercept
                    // (exact for integral rescales; 12-bit CT never gets here).
                    for (var i = 0; i < count; i++)
                    {
                        stored[i] = (short)(unsigned[i] - 32768);
                    }

                    intercept += 32768 * slope;
                }
                else
                {
                    Buffer.BlockCopy(unsigned, 0, stored, 0, count * 2);
                }

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

    private static bool IsUncompressed(string transferSyntax) =>
        transferSyntax is "1.2.840.10008.1.2" or "1.2.840.10008.1.2.1";

    /// <summary>
    /// Pixels that need no native codec here: uncompressed little endian (GDCM copies the bytes) and lossless JPEG,
    /// decoded in managed code. Their headers and JPEG markers are checked in managed code first.
    /// </summary>
    private static bool NeedsNoNativeCodec(string transferSyntax) =>
        IsUncompressed(transferSyntax) || JpegLosslessDecoder.IsLosslessTransferSyntax(transferSyntax);

    private static string DescribeUndecodable(string transferSyntax) =>
        $"pixel data could not be decoded (transfer syntax {transferSyntax})";

    private static string DescribeUnreadable(string path)
    {
        using var plain = new gdcm.Reader();
        plain.SetFileName(path);
        if (!plain.Read())
        {
            return HasDicomPreamble(path)
                ? "damaged DICOM file (the header could not be parsed: truncated or corrupt)"
                : "not a DICOM file";
        }

        var file = plain.GetFile();
        if (!file.GetDataSet().FindDataElement(new gdcm.Tag(DicomTags.PixelData.Group, DicomTags.PixelData.Element)))
        {
            return "no pixel data (not an image)";
        }

        var transferSyntax = file.GetHeader().GetDataSetTransferSyntax().GetString()?.Trim('\0', ' ') ?? "";
        return DescribeUndecodable(transferSyntax);
    }

    /// <summary>Part 10 files carry "DICM" after a 128-byte preamble.</summary>
    private static bool HasDicomPreamble(string path)
    {
        using var handle = File.OpenHandle(path);
        Span<byte> marker = stackalloc byte[4];
        return RandomAccess.Read(handle, marker, 128) == 4 && marker.SequenceEqual("DICM"u8);
    }
}
