using System.Buffers.Binary;
using System.Security.Cryptography;
using BlendSign.Data.Dicom;

namespace BlendSign.Data.Tests.Support;

/// <summary>The hash make_pydicom_hu_hashes.py writes: SHA-256 of the HU array as little-endian float64, row-major.</summary>
internal static class HuHash
{
    public static string Of(HuSlice slice)
    {
        var bytes = new byte[slice.Stored.Length * 8];
        for (var i = 0; i < slice.Stored.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), slice.HuAt(i));
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static string Of(double[] hu)
    {
        var bytes = new byte[hu.Length * 8];
        for (var i = 0; i < hu.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), hu[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
