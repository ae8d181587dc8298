using BlendSign.Data.Dicom;
using BlendSign.Data.Export;
using BlendSign.Data.Tests.Support;

namespace BlendSign.Data.Tests.Export;

public class NpyWriterTests
{
    [Fact]
    public void Write_IntegralHu_WritesInt16AlignedTo64Bytes()
    {
        var slice = new HuSlice(2, 3, [0, 1, 2, 1024, -1000, 3071], 1, -1024);

        var (type, npy) = WriteToBytes(slice);

        Assert.Equal(NpyDataType.Int16, type);
        var array = NpyReader.Read(npy);
        Assert.Equal(("<i2", 2, 3), (array.Descr, array.Rows, array.Columns));
        Assert.Equal(0, array.DataOffset % 64);
        Assert.Equal([-1024, -1023, -1022, 0, -2024, 2047], array.Values);
    }

    [Fact]
    public void Write_FractionalSlope_WritesFloat64Exactly()
    {
        var slice = new HuSlice(1, 3, [1, 2, 3], 0.5, -1024.25);

        var (type, npy) = WriteToBytes(slice);

        Assert.Equal(NpyDataType.Float64, type);
        var array = NpyReader.Read(npy);
        Assert.Equal("<f8", array.Descr);
        Assert.Equal([1 * 0.5 - 1024.25, 2 * 0.5 - 1024.25, 3 * 0.5 - 1024.25], array.Values);
    }

    [Fact]
    public void Write_IntegralButOutOfInt16Range_WritesFloat64()
    {
        var slice = new HuSlice(1, 2, [32767, -32768], 1, 1024);

        var (type, npy) = WriteToBytes(slice);

        Assert.Equal(NpyDataType.Float64, type);
        Assert.Equal([33791, -31744], NpyReader.Read(npy).Values);
    }

    private static (NpyDataType Type, byte[] Npy) WriteToBytes(HuSlice slice)
    {
        using var stream = new MemoryStream();
        var type = NpyWriter.Write(slice, stream);
        return (type, stream.ToArray());
    }
}
