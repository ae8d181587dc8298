using BlendSign.Data.Dicom;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Dicom;

/// <summary>Which files the server's own process may decode: those that need no native codec.</summary>
public sealed class DicomSliceReaderNativeCodecTests
{
    private readonly DicomSliceReader _reader = new();

    [Theory]
    [InlineData("MR_small_jp2klossless.dcm")]
    [InlineData("MR_small_RLE.dcm")]
    [InlineData("MR_small_jpeg_ls_lossless.dcm")]
    [InlineData("JPEG2000.dcm")]
    [InlineData("JPEG-lossy.dcm")]
    public void Read_NativeCodecsNotAllowed_CompressedFilesAskForOne(string name)
    {
        var result = _reader.Read(PydicomTestFiles.Require(name), allowNativeCodecs: false);

        Assert.True(result.NeedsNativeCodec);
        Assert.Null(result.Slice);
        Assert.Null(result.RejectionReason);
    }

    [Fact]
    public void Read_NativeCodecsNotAllowed_UncompressedSliceDecodedAsWithThem()
    {
        var path = PydicomTestFiles.CtSmall;

        var local = _reader.Read(path, allowNativeCodecs: false);

        Assert.False(local.NeedsNativeCodec);
        Assert.Equal(HuHash.Of(_reader.Read(path).Slice!.Pixels), HuHash.Of(local.Slice!.Pixels));
    }

    [SkippableFact]
    public void Read_NativeCodecsNotAllowed_LosslessJpegCtDecodedInManagedCode()
    {
        var local = _reader.Read(RealData.Cq500JpegFile, allowNativeCodecs: false);

        Assert.False(local.NeedsNativeCodec);
        Assert.Equal(HuHash.Of(_reader.Read(RealData.Cq500JpegFile).Slice!.Pixels), HuHash.Of(local.Slice!.Pixels));
    }

    [Fact]
    public void Read_NativeCodecsNotAllowed_DamagedFileStillRejectedWithItsReason()
    {
        using var temp = new TempDirectory();
        var empty = temp.Combine("empty.dcm");
        File.WriteAllBytes(empty, []);

        var result = _reader.Read(empty, allowNativeCodecs: false);

        Assert.False(result.NeedsNativeCodec);
        Assert.Equal("empty file (0 bytes)", result.RejectionReason);
    }
}
