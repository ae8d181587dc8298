using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using BlendSign.Data.Dicom;

namespace BlendSign.Data.Export;

// HU = stored × slope + intercept computed in double, as pydicom does; NumPy format 1.0, little-endian, row-major:
// int16 when every value is an integer that fits, float64 otherwise.
public static class NpyWriter
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    public static NpyDataType Write(HuSlice slice, Stream output)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(output);
        var type = FitsInt16(slice) ? NpyDataType.Int16 : NpyDataType.Float64;
        WriteHeader(output, type, slice.Rows, slice.Columns);

        var count = slice.Rows * slice.Columns;
        var size = type == NpyDataType.Int16 ? 2 : 8;
        var data = new byte[count * size];
        for (var i = 0; i < count; i++)
        {
            var hu = slice.HuAt(i);
            if (type == NpyDataType.Int16)
            {
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 2), (short)hu);
            }
            else
            {
                BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i * 8), hu);
            }
        }

        output.Write(data);
        return type;
    }

    private static bool FitsInt16(HuSlice slice)
    {
        for (var i = 0; i < slice.Stored.Length; i++)
        {
            var hu = slice.HuAt(i);
            if (hu != Math.Floor(hu) || hu < short.MinValue || hu > short.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteHeader(Stream output, NpyDataType type, int rows, int columns)
    {
        var descr = type == NpyDataType.Int16 ? "<i2" : "<f8";
        var dictionary = string.Create(CultureInfo.InvariantCulture,
            $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({rows}, {columns}), }}");
        // Magic, version and the 2-byte header length come first; NumPy pads the header with spaces and
        // a newline so that the data starts on a 64-byte boundary.
        var unpadded = Magic.Length + 2 + dictionary.Length + 1;
        var padding = (64 - unpadded % 64) % 64;
        var header = dictionary + new string(' ', padding) + "\n";
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, checked((ushort)header.Length));
        output.Write(Magic);
        output.Write(length);
        output.Write(Encoding.ASCII.GetBytes(header));
    }
}
