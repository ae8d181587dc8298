namespace BlendSign.Data.Scans;

/// <summary>
/// One imported series, de-identified: a pseudonymous id and the DICOM UIDs, never the patient's
/// name, ID or birth date. The age is kept for the study's under-7 exclusion.
/// </summary>
public class Scan
{
    public int Id { get; set; }

    /// <summary>Pseudonymous id shown to users, e.g. "SCAN-0007".</summary>
    public required string PseudonymousId { get; set; }

    public required string StudyInstanceUid { get; set; }
    public required string SeriesInstanceUid { get; set; }
    public required string Modality { get; set; }
    public string? SeriesDescription { get; set; }

    /// <summary>Patient age in years at the study, from (0010,1010) or derived at import; null when unknown.</summary>
    public double? PatientAgeYears { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Set when the scan meets one of the study's exclusion criteria.</summary>
    public ScanExclusion? Exclusion { get; set; }
    public string? ExclusionNote { get; set; }

    public List<Slice> Slices { get; set; } = [];
}
