using BlendSign.Data.Labels;

namespace BlendSign.Data.Export.Sr;

// The study's three slice classes are in a private scheme ("99" prefix: private by PS3.16): no standard terminology
// names them.
public static class SrCodes
{
    public const string Scheme = "99BLENDSIGN";

    public static readonly SrCode ImagingMeasurementReport = new("126000", "DCM", "Imaging Measurement Report");
    public static readonly SrCode LanguageOfContent = new("121049", "DCM", "Language of Content Item and Descendants");
    public static readonly SrCode EnglishUs = new("en-US", "RFC5646", "English (United States)");
    public static readonly SrCode ObserverType = new("121005", "DCM", "Observer Type");
    public static readonly SrCode Device = new("121007", "DCM", "Device");
    public static readonly SrCode DeviceObserverUid = new("121012", "DCM", "Device Observer UID");
    public static readonly SrCode DeviceObserverName = new("121013", "DCM", "Device Observer Name");
    public static readonly SrCode ProcedureReported = new("121058", "DCM", "Procedure reported");
    public static readonly SrCode CtOfHead = new("303653007", "SCT", "Computed tomography of head");
    public static readonly SrCode ImageLibrary = new("111028", "DCM", "Image Library");
    public static readonly SrCode ImageLibraryGroup = new("126200", "DCM", "Image Library Group");
    public static readonly SrCode ImagingMeasurements = new("126010", "DCM", "Imaging Measurements");
    public static readonly SrCode MeasurementGroup = new("125007", "DCM", "Measurement Group");
    public static readonly SrCode TrackingIdentifier = new("112039", "DCM", "Tracking Identifier");
    public static readonly SrCode TrackingUid = new("112040", "DCM", "Tracking Unique Identifier");
    public static readonly SrCode Finding = new("121071", "DCM", "Finding");
    public static readonly SrCode ImageRegion = new("111030", "DCM", "Image Region");
    public static readonly SrCode SourceOfMeasurement = new("121112", "DCM", "Source of Measurement");

    public static SrCode Of(HemorrhageClass label) => label switch
    {
        HemorrhageClass.NonIch => new("non_ich", Scheme, "No intracranial hemorrhage"),
        HemorrhageClass.NormalIch => new("normal_ich", Scheme, "Intracranial hemorrhage without blend sign"),
        _ => new("blend_sign", Scheme, "Intracranial hemorrhage with blend sign"),
    };
}
