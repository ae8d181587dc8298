using BlendSign.Data.Scans;

namespace BlendSign.Data.Reading;

/// <summary>A worklist row: one scan and how far the signed-in rater has read it.</summary>
public sealed record ScanSummary(
    int ScanId, string PseudonymousId, string? SeriesDescription, int Slices, int LabeledByMe, ScanExclusion? Exclusion)
{
    public bool Excluded => Exclusion is not null;

    public ReadingStatus Status => LabeledByMe == 0 ? ReadingStatus.NotStarted
        : LabeledByMe >= Slices ? ReadingStatus.Done
        : ReadingStatus.InProgress;
}
