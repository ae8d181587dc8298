using System.Runtime.CompilerServices;
using BlendSign.Data.Dicom;

namespace BlendSign.Data.Tests.Support;

/// <summary>Builds odd DICOM files from real ones with GDCM: edited tags, another transfer syntax, cut bytes.</summary>
internal static class DicomFileEditor
{
    static DicomFileEditor()
    {
        // BlendSign.Data points GDCM at its native glue when it loads; make sure that happened first.
        RuntimeHelpers.RunModuleConstructor(typeof(DicomSliceReader).Module.ModuleHandle);
    }

    public static readonly gdcm.Tag Modality = new(0x0008, 0x0060);
    public static readonly gdcm.Tag SopInstanceUid = new(0x0008, 0x0018);
    public static readonly gdcm.Tag StudyDate = new(0x0008, 0x0020);
    public static readonly gdcm.Tag PatientBirthDate = new(0x0010, 0x0030);
    public static readonly gdcm.Tag PatientAge = new(0x0010, 0x1010);
    public static readonly gdcm.Tag PixelData = new(0x7FE0, 0x0010);

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> with tags replaced (null value: removed).</summary>
    public static void WithTags(string source, string target, params (gdcm.Tag Tag, string? Value)[] changes)
    {
        using var reader = new gdcm.Reader();
        reader.SetFileName(source);
        Assert.True(reader.Read(), "GDCM could not read the source file");
        using var anonymizer = new gdcm.Anonymizer();
        anonymizer.SetFile(reader.GetFile());
        foreach (var (tag, value) in changes)
        {
            Assert.True(value is null ? anonymizer.Remove(tag) : anonymizer.Replace(tag, value), $"could not change {tag}");
        }

        Write(reader.GetFile(), target);
    }

    /// <summary>Copies the file without its Pixel Data element.</summary>
    public static void WithoutPixelData(string source, string target)
    {
        using var reader = new gdcm.Reader();
        reader.SetFileName(source);
        Assert.True(reader.Read(), "GDCM could not read the source file");
        reader.GetFile().GetDataSet().Remove(PixelData);
        Write(reader.GetFile(), target);
    }

    /// <summary>Re-encodes the file's pixels and data set as Explicit VR Big Endian.</summary>
    public static void ToBigEndian(string source, string target)
    {
        using var reader = new gdcm.ImageReader();
        reader.SetFileName(source);
        Assert.True(reader.Read(), "GDCM could not read the source image");
        using var change = new gdcm.ImageChangeTransferSyntax();
        change.SetTransferSyntax(new gdcm.TransferSyntax(gdcm.TransferSyntax.TSType.ExplicitVRBigEndian));
        change.SetInput(reader.GetImage());
        Assert.True(change.Change(), "GDCM could not change the transfer syntax");
        using var writer = new gdcm.ImageWriter();
        writer.SetFileName(target);
        writer.SetFile(reader.GetFile());
        writer.SetImage(change.GetOutput());
        Assert.True(writer.Write(), "GDCM could not write the big-endian file");
    }

    /// <summary>Copies the file without its last <paramref name="bytes"/> bytes (which lie in the pixel data).</summary>
    public static void Truncated(string source, string target, int bytes)
    {
        var content = File.ReadAllBytes(source);
        File.WriteAllBytes(target, content[..^bytes]);
    }

    private static void Write(gdcm.File file, string target)
    {
        using var writer = new gdcm.Writer();
        writer.SetFileName(target);
        writer.SetFile(file);
        writer.CheckFileMetaInformationOff();
        Assert.True(writer.Write(), "GDCM could not write the edited file");
    }
}
