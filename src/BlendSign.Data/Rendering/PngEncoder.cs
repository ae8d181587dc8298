using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Numerics;

namespace BlendSign.Data.Rendering;

// One IDAT chunk, zlib-ng level 1, no row filter. Measured on the 314 real slices' rgb3 views (one thread): about
// 1.0–1.2 ms and 93 KiB per slice, against 6.4–17 ms and 97 KiB for SkiaSharp's libpng at zlib level 1 (which also
// needs RGB widened to RGBA). Up and Sub were slower and gave 121–122 KiB on CT views (brain noise defeats them, the
// black background compresses either way); the filters stay for measuring other content.
public static class PngEncoder
{
    private const int SignatureLength = 8;
    private const int ChunkOverhead = 12; // length, type, CRC
    private const int HeaderDataLength = 13;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> EndChunk => [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels) =>
        Encode(pixels, width, height, channels, PngFilter.None, ZLibCompressionStrategy.Default);

    internal static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels,
        PngFilter filter, ZLibCompressionStrategy strategy)
    {
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), "Only gray (1) and RGB (3) are written.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var rowBytes = width * channels;
        if (pixels.Length < rowBytes * height)
        {
            throw new ArgumentException("Fewer pixels than width × height × channels.", nameof(pixels));
        }

        var filteredLength = (rowBytes + 1) * height;
        var filtered = ArrayPool<byte>.Shared.Rent(filteredLength);
        // Deflate never grows data by more than a few bytes per 16 KiB block (zlib's deflateBound);
        // a pooled buffer of that size holds the whole file, so nothing is allocated but the result.
        var bound = SignatureLength + 3 * ChunkOverhead + HeaderDataLength + filteredLength + (filteredLength >> 10) + 64;
        var buffer = ArrayPool<byte>.Shared.Rent(bound);
        try
        {
            FilterRows(pixels, filtered.AsSpan(0, filteredLength), rowBytes, height, channels, filter);

            using var output = new MemoryStream(buffer, 0, buffer.Length, writable: true);
            output.Write(Signature);
            WriteHeader(output, width, height, channels);
            var dataStart = (int)output.Position;
            output.Write(stackalloc byte[8]); // IDAT length and type, filled in below
            using (var zlib = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = 1, CompressionStrategy = strategy }, leaveOpen: true))
            {
                zlib.Write(filtered, 0, filteredLength);
            }

            var dataLength = (int)output.Position - dataStart - 8;
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(dataStart), dataLength);
            "IDAT"u8.CopyTo(buffer.AsSpan(dataStart + 4));
            Span<byte> crc = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(buffer.AsSpan(dataStart + 4, 4 + dataLength)));
            output.Write(crc);
            output.Write(EndChunk);
            var png = GC.AllocateUninitializedArray<byte>((int)output.Position);
            buffer.AsSpan(0, png.Length).CopyTo(png);
            return png;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(filtered);
        }
    }

    private static void WriteHeader(Stream output, int width, int height, int channels)
    {
        Span<byte> chunk = stackalloc byte[ChunkOverhead + HeaderDataLength];
        BinaryPrimitives.WriteInt32BigEndian(chunk, HeaderDataLength);
        "IHDR"u8.CopyTo(chunk[4..]);
        BinaryPrimitives.WriteInt32BigEndian(chunk[8..], width);
        BinaryPrimitives.WriteInt32BigEndian(chunk[12..], height);
        chunk[16] = 8; // bit depth
        chunk[17] = channels == 3 ? (byte)2 : (byte)0; // colour type: truecolour or grayscale
        chunk[18] = 0; // deflate
        chunk[19] = 0; // adaptive filtering, one filter byte per row
        chunk[20] = 0; // no interlace
        BinaryPrimitives.WriteUInt32BigEndian(chunk[21..], Crc32.HashToUInt32(chunk[4..21]));
        output.Write(chunk);
    }

    private static void FilterRows(ReadOnlySpan<byte> pixels, Span<byte> filtered, int rowBytes, int height, int channels, PngFilter filter)
    {
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * rowBytes, rowBytes);
            var target = filtered.Slice(y * (rowBytes + 1), rowBytes + 1);
            var output = target[1..];
            // Row 0 under Up differs from zeros, i.e. from nothing: write it unfiltered.
            var rowFilter = filter == PngFilter.Up && y == 0 ? PngFilter.None : filter;
            target[0] = (byte)rowFilter;
            switch (rowFilter)
            {
                case PngFilter.Up:
                    Subtract(row, pixels.Slice((y - 1) * rowBytes, rowBytes), output);
                    break;
                case PngFilter.Sub:
                    row[..channels].CopyTo(output);
                    Subtract(row[channels..], row[..^channels], output[channels..]);
                    break;
                default:
                    row.CopyTo(output);
                    break;
            }
        }
    }

    private static void Subtract(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, Span<byte> destination)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= current.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                (new Vector<byte>(current[i..]) - new Vector<byte>(previous[i..])).CopyTo(destination[i..]);
            }
        }

        for (; i < current.Length; i++)
        {
            destination[i] = (byte)(current[i] - previous[i]);
        }
    }
}
