namespace BlendSign.Data.Assignments;

/// <summary>Every scan × every radiologist: who reads what, and how far each one has got.</summary>
public sealed record AssignmentOverview(IReadOnlyList<AssignedRater> Radiologists, IReadOnlyList<ScanAssignmentRow> Scans);

/// <summary>A user in the radiologist role.</summary>
public sealed record AssignedRater(string Id, string UserName);

/// <summary>One scan's assignment and each radiologist's progress on it.</summary>
/// <param name="EveryRadiologist">True when the scan has no assignment rows: it goes to every radiologist, also ones added later.</param>
/// <param name="Raters">Keyed by rater id, one entry per radiologist.</param>
public sealed record ScanAssignmentRow(
    int ScanId,
    string PseudonymousId,
    int Slices,
    bool Excluded,
    bool EveryRadiologist,
    IReadOnlyDictionary<string, RaterProgress> Raters);

/// <summary>Whether a rater has the scan on their worklist, and how many of its slices they have labeled.</summary>
public sealed record RaterProgress(bool Assigned, int Labeled);

/// <summary>What an assignment change did: scans whose assignment changed, or why nothing changed.</summary>
public sealed record AssignmentChangeResult(int ScansChanged, string? Error)
{
    public bool Succeeded => Error is null;

    public static AssignmentChangeResult Refused(string error) => new(0, error);
}
