namespace BlendSign.Data.Gold;

/// <summary><see cref="Decision"/> is what counts: the <see cref="Vote"/>, or an adjudication when there is one.</summary>
/// <param name="ScanPseudonym">The scan's pseudonymous id (e.g. SCAN-0007): the <c>scan_id</c> of exports.</param>
/// <param name="Reads">Every rater who read the slice or was expected to, ordered by name.</param>
public sealed record SliceGold(
    int SliceId,
    string SopInstanceUid,
    int ScanId,
    string ScanPseudonym,
    int SliceIndex,
    int Rows,
    int Columns,
    GoldDecision Vote,
    GoldDecision Decision,
    IReadOnlyList<RaterRead> Reads,
    IReadOnlyList<ConsensusBox> Boxes,
    AdjudicationInfo? Adjudication);
