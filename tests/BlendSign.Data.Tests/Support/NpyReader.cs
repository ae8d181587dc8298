using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace BlendSign.Data.Tests.Support;

/// <summary>Reads the .npy files the export writes (format 1.0, little-endian int16 or float64, C order), checking the header as NumPy would.</summary>
internal static partial class NpyReader
{
    public sealed record Array2D(string Descr, int Rows, int Columns, double[] Values, int DataOffset);

    public static Array2D Read(byte[] file)
    {
        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], file[..8]);
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8));
        var header = Encoding.ASCII.GetString(file, 10, headerLength);
        Assert.EndsWith("\n", header);
        var match = HeaderPattern().Match(header);
        Assert.True(match.Success, $"unexpected npy header: {header}");
        var descr = match.Groups["descr"].Value;
        var rows = int.Parse(match.Groups["rows"].Value);
        var columns = int.Parse(match.Groups["columns"].Value);
        var offset = 10 + headerLength;
        var size = descr == "<i2" ? 2 : 8;
        Assert.Equal(offset + rows * columns * size, file.Length);
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = descr == "<i2"
                ? BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(offset + i * 2))
                : BinaryPrimitives.ReadDoubleLittleEndian(file.AsSpan(offset + i * 8));
        }

        return new Array2D(descr, rows, columns, values, offset);
    }

    [GeneratedRegex(@"^\{'descr': '(?<descr><i2|<f8)', 'fortran_order': False, 'shape': \((?<rows>\d+), (?<columns>\d+)\), \} *\n$")]
    private static partial Regex HeaderPattern();
}
