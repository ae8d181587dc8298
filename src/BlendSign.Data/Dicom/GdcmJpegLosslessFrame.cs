namespace BlendSign.Data.Dicom;

/// <summary>Takes the encapsulated JPEG stream out of a GDCM image and decodes it with <see cref="JpegLosslessDecoder"/>.</summary>
internal static class GdcmJpegLosslessFrame
{
    /// <summary>The slice, or null where the frame uses anything the managed decoder does not cover.</summary>
    public static HuSlice? TryDecode(gdcm.Image image, int rows, int columns, bool unsigned)
    {
        var frame = ReadFrame(image);
        var stored = new short[rows * columns];
        if (frame is null || !JpegLosslessDecoder.TryDecode(frame, rows, columns, stored))
        {
            return null;
        }

        var intercept = image.GetIntercept();
        var slope = image.GetSlope();
        if (unsigned)
        {
            // As DicomSliceReader does for GDCM's buffers: unsigned values move into short's range
            // (flipping the top bit subtracts 32768) and the offset moves into the intercept, exactly.
            for (var i = 0; i < stored.Length; i++)
            {
                stored[i] ^= short.MinValue;
            }

            intercept += 32768 * slope;
        }

        return new HuSlice(rows, columns, stored, slope, intercept);
    }

    /// <summary>A single-frame image's fragments, concatenated: its one JPEG stream.</summary>
    private static byte[]? ReadFrame(gdcm.Image image)
    {
        using var pixelData = image.GetDataElement();
        using var fragments = pixelData.GetSequenceOfFragments();
        if (fragments is null)
        {
            return null;
        }

        var frame = new byte[fragments.ComputeByteLength()];
        var count = fragments.GetNumberOfFragments();
        var offset = 0;
        for (uint i = 0; i < count; i++)
        {
            using var fragment = fragments.GetFragment(i);
            using var value = fragment.GetByteValue();
            var length = value is null ? 0 : (int)(uint)value.GetLength();
            var part = count == 1 ? frame : new byte[length];
            if (value is null || offset + length > frame.Length || !value.GetBuffer(part, (uint)length))
            {
                return null;
            }

            if (count > 1)
            {
                part.CopyTo(frame, offset);
            }

            offset += length;
        }

        return offset == frame.Length ? frame : null;
    }
}
