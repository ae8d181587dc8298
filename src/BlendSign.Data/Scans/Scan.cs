namespace BlendSign.Data.Scans;

// De-identified: a pseudonymous id and the DICOM UIDs, never the patient's name, ID or birth date. The age is kept for
// the study's under-7 exclusion.
public class Scan
{
    public int Id { get; set; }

    public required string PseudonymousId { get; set; }

    public required string StudyInstanceUid { get; set; }
    public required string SeriesInstanceUid { get; set; }
    public required string Modality { get; set; }
    public string? SeriesDescription { get; set; }

    /// <summary>Patient age in years at the study, from (0010,1010) or derived at import; null when unknown.</summary>
    public double? PatientAgeYears { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public ScanExclusion? Exclusion { get; set; }
    public string? ExclusionNote { get; set; }

    public List<Slice> Slices { get; set; } = [];
}
