namespace BlendSign.Data.Assignments;

public sealed record AssignmentOverview(IReadOnlyList<AssignedRater> Radiologists, IReadOnlyList<ScanAssignmentRow> Scans);

public sealed record AssignedRater(string Id, string UserName);

/// <param name="EveryRadiologist">True when the scan has no assignment rows: it goes to every radiologist, also ones added later.</param>
public sealed record ScanAssignmentRow(
    int ScanId,
    string PseudonymousId,
    int Slices,
    bool Excluded,
    bool EveryRadiologist,
    IReadOnlyDictionary<string, RaterProgress> Raters);

public sealed record RaterProgress(bool Assigned, int Labeled);

public sealed record AssignmentChangeResult(int ScansChanged, string? Error)
{
    public bool Succeeded => Error is null;

    public static AssignmentChangeResult Refused(string error) => new(0, error);
}
