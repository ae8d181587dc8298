using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using BlendSign.Data.Configuration;
using BlendSign.Data.Dicom;

namespace BlendSign.Data.Storage;

/// <summary>
/// Content-addressed store of HU slices: one file per distinct slice under <c>{DataDirectory}/slices/ab/abcd…</c>,
/// named by the SHA-256 of its content, holding the stored values (deflated int16) and the rescale.
/// Writing the same content twice is a no-op; files are written atomically (temp file, then rename).
/// </summary>
public sealed class SliceStore(DataPaths paths)
{
    private const uint Magic = 0x31554853; // "SHU1"
    private const int HeaderBytes = 4 + 4 + 4 + 8 + 8;

    public static string ComputeKey(HuSlice slice)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[HeaderBytes];
        WriteHeader(header, slice);
        hash.AppendData(header);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(slice.Stored.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public bool Contains(string key) => File.Exists(PathOf(key));

    /// <summary>Stores the slice (unless already present) and returns its key.</summary>
    public string Put(HuSlice slice)
    {
        var encoded = Encode(slice);
        Write(encoded);
        return encoded.Key;
    }

    /// <summary>
    /// The slice's key and file content, computed without touching the disk, so that decoding threads
    /// can do the CPU work and a writer can decide later whether the file is stored at all.
    /// </summary>
    public static EncodedSlice Encode(HuSlice slice)
    {
        var raw = System.Runtime.InteropServices.MemoryMarshal.AsBytes(slice.Stored.AsSpan());
        // Deflate never grows data by more than a few bytes per 16 KiB block, so a pooled buffer of the
        // raw size plus a margin always holds the result and only the exact-size copy is allocated.
        var buffer = ArrayPool<byte>.Shared.Rent(HeaderBytes + raw.Length + raw.Length / 256 + 1024);
        try
        {
            using var content = new MemoryStream(buffer, writable: true);
            WriteHeader(buffer, slice);
            content.Position = HeaderBytes;
            using (var deflate = new ZLibStream(content, CompressionLevel.Fastest, leaveOpen: true))
            {
                deflate.Write(raw);
            }

            return new EncodedSlice(ComputeKey(slice), buffer.AsSpan(0, (int)content.Position).ToArray(), slice.Rows, slice.Columns);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes an encoded slice unless its file exists; true when this call created the file.</summary>
    public bool Write(EncodedSlice encoded)
    {
        var path = PathOf(encoded.Key);
        if (File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            file.Write(encoded.Content);
        }

        File.Move(temporary, path, overwrite: true);
        return true;
    }

    /// <summary>Removes a stored slice (an import whose database write failed takes back what it wrote).</summary>
    public void Delete(string key) => File.Delete(PathOf(key));

    /// <summary>Loads a stored slice; throws <see cref="FileNotFoundException"/> for an unknown key.</summary>
    public HuSlice Load(string key)
    {
        using var file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> header = stackalloc byte[HeaderBytes];
        file.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
        {
            throw new InvalidDataException($"Slice store file {key} is not in the expected format.");
        }

        var rows = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        var columns = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        var slope = BinaryPrimitives.ReadDoubleLittleEndian(header[12..]);
        var intercept = BinaryPrimitives.ReadDoubleLittleEndian(header[20..]);
        var stored = new short[rows * columns];
        using var inflate = new ZLibStream(file, CompressionMode.Decompress);
        inflate.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(stored.AsSpan()));
        return new HuSlice(rows, columns, stored, slope, intercept);
    }

    private string PathOf(string key)
    {
        if (key.Length != 64 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A slice store key is 64 lower-case hex digits.", nameof(key));
        }

        return Path.Combine(paths.SliceStore, key[..2], key);
    }

    private static void WriteHeader(Span<byte> header, HuSlice slice)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], slice.Rows);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], slice.Columns);
        BinaryPrimitives.WriteDoubleLittleEndian(header[12..], slice.Slope);
        BinaryPrimitives.WriteDoubleLittleEndian(header[20..], slice.Intercept);
    }
}
