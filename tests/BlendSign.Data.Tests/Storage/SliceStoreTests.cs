using System.Buffers.Binary;
using System.IO.Compression;
using BlendSign.Data.Configuration;
using BlendSign.Data.Dicom;
using BlendSign.Data.Storage;
using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Storage;

public sealed class SliceStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SliceStore _store;

    public SliceStoreTests()
    {
        var paths = new DataPaths(_temp.Path);
        paths.EnsureCreated();
        _store = new SliceStore(paths);
    }

    [Fact]
    public void Write_SameContentTwice_CreatesOnceAndLoadsBackExactly()
    {
        var slice = new HuSlice(2, 3, [-1024, 0, 40, 80, 3071, -3024], 1, -1024);
        var encoded = SliceStore.Encode(slice);

        var first = _store.Write(encoded);
        var second = _store.Write(SliceStore.Encode(slice));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(SliceStore.ComputeKey(slice), encoded.Key);
        var loaded = _store.Load(encoded.Key);
        Assert.Equal((slice.Rows, slice.Columns, slice.Slope, slice.Intercept), (loaded.Rows, loaded.Columns, loaded.Slope, loaded.Intercept));
        Assert.Equal(slice.Stored, loaded.Stored);
    }

    [Fact]
    public void Load_FileWrittenWithDeflate_ReadsLikeAStoredOne()
    {
        var slice = new HuSlice(1, 4, [1, 2, 3, 4], 0.5, -1024);
        var key = SliceStore.ComputeKey(slice);
        var path = Path.Combine(_temp.Path, "slices", key[..2], key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        {
            Span<byte> header = stackalloc byte[28];
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x31554853);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], 1);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], 4);
            BinaryPrimitives.WriteDoubleLittleEndian(header[12..], 0.5);
            BinaryPrimitives.WriteDoubleLittleEndian(header[20..], -1024);
            file.Write(header);
            using var deflate = new ZLibStream(file, CompressionLevel.Optimal);
            deflate.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(slice.Stored.AsSpan()));
        }

        var loaded = _store.Load(key);

        Assert.Equal(slice.Stored, loaded.Stored);
        Assert.Equal(0.5, loaded.Slope);
    }

    [Fact]
    public void Delete_WrittenSlice_RemovesItsFile()
    {
        var encoded = SliceStore.Encode(new HuSlice(1, 1, [7], 1, 0));
        _store.Write(encoded);

        _store.Delete(encoded.Key);

        Assert.False(_store.Contains(encoded.Key));
    }

    public void Dispose() => _temp.Dispose();
}
