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
        var key = ComputeKey(slice);
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return key;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Span<byte> header = stackalloc byte[HeaderBytes];
            WriteHeader(header, slice);
            file.Write(header);
            using var deflate = new ZLibStream(file, CompressionLevel.Fastest);
            deflate.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(slice.Stored.AsSpan()));
        }

        File.Move(temporary, path, overwrite: true);
        return key;
    }

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
