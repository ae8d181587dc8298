using BlendSign.Data.Scans;

namespace BlendSign.Data.Reading;

public static class ExclusionNames
{
    public static IReadOnlyList<ScanExclusion> All { get; } =
        [ScanExclusion.Postoperative, ScanExclusion.NoNonContrastAxialSeries, ScanExclusion.PatientUnderSeven, ScanExclusion.Other];

    public static string ToWireName(ScanExclusion reason) => reason switch
    {
        ScanExclusion.Postoperative => "postoperative",
        ScanExclusion.NoNonContrastAxialSeries => "no_non_contrast_axial_series",
        ScanExclusion.PatientUnderSeven => "patient_under_7",
        ScanExclusion.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exclusion criterion."),
    };

    public static string Title(ScanExclusion reason) => reason switch
    {
        ScanExclusion.Postoperative => "Postoperative",
        ScanExclusion.NoNonContrastAxialSeries => "No non-contrast axial series",
        ScanExclusion.PatientUnderSeven => "Patient under 7 years",
        ScanExclusion.Other => "Other (note required)",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exclusion criterion."),
    };
}
