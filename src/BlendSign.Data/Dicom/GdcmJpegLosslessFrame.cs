using System.Buffers;

namespace BlendSign.Data.Dicom;

internal static class GdcmJpegLosslessFrame
{
    /// <summary>The slice, or null where the frame uses anything the managed decoder does not cover.</summary>
    public static HuSlice? TryDecode(gdcm.Image image, int rows, int columns, bool unsigned)
    {
        var frame = RentFrame(image, out var length);
        if (frame is null)
        {
            return null;
        }

        // Every value is written on success, so skip zeroing half a megabyte per slice.
        var stored = GC.AllocateUninitializedArray<short>(rows * columns);
        try
        {
            if (!JpegLosslessDecoder.TryDecode(frame.AsSpan(0, length), rows, columns, stored))
            {
                return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
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

    private static byte[]? RentFrame(gdcm.Image image, out int frameLength)
    {
        frameLength = 0;
        using var pixelData = image.GetDataElement();
        using var fragments = pixelData.GetSequenceOfFragments();
        if (fragments is null)
        {
            return null;
        }

        var total = (int)fragments.ComputeByteLength();
        var frame = ArrayPool<byte>.Shared.Rent(total);
        var count = fragments.GetNumberOfFragments();
        var offset = 0;
        for (uint i = 0; i < count; i++)
        {
            using var fragment = fragments.GetFragment(i);
            using var value = fragment.GetByteValue();
            var length = value is null ? 0 : (int)(uint)value.GetLength();
            var part = count == 1 ? frame : new byte[length];
            if (value is null || offset + length > total || !value.GetBuffer(part, (uint)length))
            {
                ArrayPool<byte>.Shared.Return(frame);
                return null;
            }

            if (count > 1)
            {
                part.CopyTo(frame, offset);
            }

            offset += length;
        }

        if (offset != total)
        {
            ArrayPool<byte>.Shared.Return(frame);
            return null;
        }

        frameLength = total;
        return frame;
    }
}
