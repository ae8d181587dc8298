using BlendSign.Data.Scans;

namespace BlendSign.Data.Reading;

/// <summary>A scan's exclusion criterion and, for <see cref="ScanExclusion.Other"/>, the note that explains it.</summary>
public sealed record ExclusionState(ScanExclusion Reason, string? Note)
{
    public const int MaxNoteLength = 500;

    public string ReasonName => ExclusionNames.ToWireName(Reason);
}
