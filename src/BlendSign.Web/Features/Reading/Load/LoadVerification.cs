namespace BlendSign.Web.Features.Reading.Load;

/// <summary>
/// The acknowledged saves checked against the database and the audit trail. Lost: an acknowledged label that is not
/// the (rater, slice)'s label now, or an acknowledged change without its audit entry (or with another value). Duplicated:
/// more than one label row for a (rater, slice), or audit entries beyond one per change. A pair with a write that got no
/// answer (timeout, 5xx) is uncertain: its label must be the last acknowledged one or one of those unanswered writes,
/// and its audit entries at most one per write; the exact checks apply to every other pair.
/// </summary>
public sealed record LoadVerification(
    int Acknowledged,
    int Pairs,
    int UncertainPairs,
    int LostLabels,
    int LostAuditEntries,
    int DuplicatedLabels,
    int DuplicatedAuditEntries)
{
    public int Lost => LostLabels + LostAuditEntries;

    public int Duplicated => DuplicatedLabels + DuplicatedAuditEntries;

    public bool Passed => Lost == 0 && Duplicated == 0;
}
