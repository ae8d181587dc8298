using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Support;

/// <summary>The real DICOM folders in ../shared/data (never copied into the repository); each call skips where absent.</summary>
internal static class RealData
{
    public const string Cq500Series = "cq500-bhx-sample/CQ500-CT-0_series-4cc-sec-150cc-D3D-on_0.625mm";
    public const string Cq500Single = "cq500-bhx-sample/CQ500-CT-1_series-2.5-5mm";
    public const string CtIchImages = "ct-ich-hu-subset/images";
    public const string Rsna = "rsna-ich-dicom-unlabeled/dicom";

    /// <summary>CQ500-CT-1's one slice: uncompressed, Explicit VR Little Endian, slope 1, intercept -1024.</summary>
    public static string Cq500SingleFile => Path.Combine(SharedData.RequireFolder(Cq500Single), "CT000000.dcm");

    /// <summary>The first slice of the 238-slice JPEG-lossless series.</summary>
    public static string Cq500JpegFile => Path.Combine(SharedData.RequireFolder(Cq500Series), "CT000001.dcm");

    /// <summary>The path relative to ../shared/data, as the pydicom hash file names it.</summary>
    public static string Relative(string path) =>
        Path.GetRelativePath(SharedData.Root!, path).Replace(Path.DirectorySeparatorChar, '/');
}
