using BlendSign.Data.Demo;
using BlendSign.Data.Dicom;
using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Demo;

public class SyntheticCtWriterTests
{
    private readonly SyntheticCtWriter _writer = new();
    private readonly DicomSliceReader _reader = new();

    [Fact]
    public void Write_PhantomSlice_ReadsBackAsCtWithIdenticalHuAndHeader()
    {
        using var temp = new TempDirectory();
        var scan = new HeadPhantom(3).PlanScan(7);
        var hu = new short[PhantomRenderer.PixelCount];
        new PhantomRenderer().Render(scan, 5, hu);
        var header = Header(instanceNumber: 6, slicePosition: 25);
        var path = temp.Combine("slice.dcm");

        _writer.Write(path, header, hu, HeadPhantom.Size, HeadPhantom.Size);
        var result = _reader.Read(path);

        Assert.Null(result.RejectionReason);
        var slice = result.Slice!;
        Assert.Equal((512, 512), (slice.Pixels.Rows, slice.Pixels.Columns));
        Assert.Equal((1.0, -1024.0), (slice.Pixels.Slope, slice.Pixels.Intercept));
        for (var i = 0; i < hu.Length; i++)
        {
            Assert.Equal(hu[i], slice.Pixels.HuAt(i));
        }

        var read = slice.Header;
        Assert.Equal("CT", read.Modality);
        Assert.Equal(header.SopInstanceUid, read.SopInstanceUid);
        Assert.Equal(header.StudyInstanceUid, read.StudyInstanceUid);
        Assert.Equal(header.SeriesInstanceUid, read.SeriesInstanceUid);
        Assert.Equal(header.SeriesDescription, read.SeriesDescription);
        Assert.Equal(6, read.InstanceNumber);
        Assert.Equal([-115.2, -115.2, 25.0], read.ImagePositionPatient!);
        Assert.Equal([1.0, 0, 0, 0, 1, 0], read.ImageOrientationPatient!);
        Assert.Equal((0.45, 0.45), (read.PixelSpacingRow, read.PixelSpacingColumn));
        Assert.Equal(54.0, read.PatientAgeYears);
    }

    [Fact]
    public void Write_Slice_StoresCtImageStorageAndTheFakePatient()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("slice.dcm");

        _writer.Write(path, Header(1, 0), new short[PhantomRenderer.PixelCount], HeadPhantom.Size, HeadPhantom.Size);

        using var reader = new gdcm.Reader();
        reader.SetFileName(path);
        Assert.True(reader.Read());
        using var strings = new gdcm.StringFilter();
        strings.SetFile(reader.GetFile());
        string Value(ushort group, ushort element) => strings.ToString(new gdcm.Tag(group, element)).Trim('\0', ' ');
        Assert.Equal(DicomUids.CtImageStorage, Value(0x0008, 0x0016));
        Assert.Equal(DicomUids.CtImageStorage, Value(0x0002, 0x0002));
        Assert.Equal("DEMO^0007", Value(0x0010, 0x0010));
        Assert.Equal("DEMO-0007", Value(0x0010, 0x0020));
        Assert.Equal("054Y", Value(0x0010, 0x1010));
        Assert.Equal("5", Value(0x0018, 0x0050));
        Assert.Equal("HU", Value(0x0028, 0x1054));
    }

    [Fact]
    public void NewUid_TwoCalls_DistinctValidUids()
    {
        var first = DicomUids.New();
        var second = DicomUids.New();

        Assert.NotEqual(first, second);
        Assert.All(new[] { first, second }, uid =>
        {
            Assert.InRange(uid.Length, 10, 64);
            Assert.Matches(@"^[0-9]+(\.[0-9]+)+$", uid);
        });
    }

    private static SyntheticCtHeader Header(int instanceNumber, double slicePosition) => new(
        PatientName: "DEMO^0007",
        PatientId: "DEMO-0007",
        PatientAgeYears: 54,
        StudyInstanceUid: DicomUids.New(),
        SeriesInstanceUid: DicomUids.New(),
        FrameOfReferenceUid: DicomUids.New(),
        SopInstanceUid: DicomUids.New(),
        InstanceNumber: instanceNumber,
        SlicePositionMm: slicePosition,
        PixelSpacingMm: 0.45,
        SliceThicknessMm: 5,
        SeriesDescription: DemoGenerator.SeriesDescription);
}
