namespace BlendSign.Data.Scans;

/// <summary>The study's exclusion criteria; an excluded scan leaves agreement and training.</summary>
public enum ScanExclusion
{
    Postoperative = 1,
    NoNonContrastAxialSeries = 2,
    PatientUnderSeven = 3,
    Other = 4,
}
