namespace BlendSign.Data.Gold;

/// <summary>
/// One slice of the current gold standard. <see cref="Vote"/> is the raters' majority vote; <see cref="Decision"/>
/// is what counts: the vote, or a lead's or reviewer's adjudication when there is one (status adjudicated).
/// </summary>
/// <param name="ScanPseudonym">The scan's pseudonymous id (e.g. SCAN-0007): the <c>scan_id</c> of exports.</param>
/// <param name="Reads">Every rater who read the slice or was expected to, ordered by name.</param>
/// <param name="Boxes">Consensus boxes (<see cref="BoxConsensus"/>).</param>
/// <param name="Adjudication">The decision overriding the vote, when there is one.</param>
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
