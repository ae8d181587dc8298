using BlendSign.Data.Scans;

namespace BlendSign.Data.Reading;

public sealed record ScanSummary(
    int ScanId, string PseudonymousId, string? SeriesDescription, int Slices, int LabeledByMe, ScanExclusion? Exclusion)
{
    public bool Excluded => Exclusion is not null;

    /// <summary>Slices of the scan a reviewer sent back for this rater to read again (they see only that).</summary>
    public int RereadRequests { get; init; }

    /// <summary>Labels by every rater on the scan's slices; filled for readers who see every scan (leads), else 0.</summary>
    public int LabelsByAll { get; init; }

    public int Raters { get; init; }

    /// <summary>The first slice's SOP Instance UID, where a lead's adjudication view opens; filled for leads only.</summary>
    public string? FirstSopInstanceUid { get; init; }

    public ReadingStatus Status => LabeledByMe == 0 ? ReadingStatus.NotStarted
        : LabeledByMe >= Slices ? ReadingStatus.Done
        : ReadingStatus.InProgress;
}
