namespace BlendSign.Data.Reading;

/// <summary>How far a rater has read a scan: by the share of its slices they have labeled.</summary>
public enum ReadingStatus
{
    NotStarted,
    InProgress,
    Done,
}
