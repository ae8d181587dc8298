using BlendSign.Data.Dicom;
using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Dicom;

public class DicomSliceReaderTests
{
    private readonly DicomSliceReader _reader = new();

    [SkippableFact]
    public void Read_JpegLosslessCq500Slice_DecodesCtWithRescale()
    {
        var folder = SharedData.RequireFolder("cq500-bhx-sample/CQ500-CT-0_series-4cc-sec-150cc-D3D-on_0.625mm");

        var result = _reader.Read(Path.Combine(folder, "CT000001.dcm"));

        Assert.Null(result.RejectionReason);
        var slice = result.Slice!;
        Assert.Equal("CT", slice.Header.Modality);
        Assert.Equal("1.2.840.10008.1.2.4.70", slice.Header.TransferSyntaxUid);
        Assert.Equal((512, 512), (slice.Pixels.Rows, slice.Pixels.Columns));
        Assert.Equal(-1024, slice.Pixels.Intercept);
        Assert.NotNull(slice.Header.ImagePositionPatient);
    }

    [Fact]
    public void Read_TextFile_IsRejectedAsNotDicom()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("notes.dcm");
        File.WriteAllText(path, "this is not a DICOM file");

        var result = _reader.Read(path);

        Assert.Null(result.Slice);
        Assert.Equal("not a DICOM file", result.RejectionReason);
    }
}
