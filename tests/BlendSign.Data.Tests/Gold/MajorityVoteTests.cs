using BlendSign.Data.Gold;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Tests.Gold;

public class MajorityVoteTests
{
    private const HemorrhageClass Non = HemorrhageClass.NonIch;
    private const HemorrhageClass Normal = HemorrhageClass.NormalIch;
    private const HemorrhageClass Blend = HemorrhageClass.BlendSign;

    [Fact]
    public void Decide_ThreeAgree_IsUnanimous() =>
        Assert.Equal(new GoldDecision(Blend, 3, GoldStatus.Unanimous), MajorityVote.Decide([Blend, Blend, Blend], 3));

    [Fact]
    public void Decide_TwoOne_IsMajority() =>
        Assert.Equal(new GoldDecision(Normal, 2, GoldStatus.Majority), MajorityVote.Decide([Normal, Blend, Normal], 3));

    [Fact]
    public void Decide_OneOneOne_IsTieWithoutLabel() =>
        Assert.Equal(new GoldDecision(null, 1, GoldStatus.Tie), MajorityVote.Decide([Non, Normal, Blend], 3));

    [Fact]
    public void Decide_TwoOfThreeReadAndAgreeing_IsIncompleteButDecided() =>
        Assert.Equal(new GoldDecision(Non, 2, GoldStatus.Incomplete), MajorityVote.Decide([Non, Non], 3));

    [Fact]
    public void Decide_TwoOfThreeReadAndSplit_IsIncompleteWithoutLabel() =>
        Assert.Equal(new GoldDecision(null, 1, GoldStatus.Incomplete), MajorityVote.Decide([Non, Blend], 3));

    [Fact]
    public void Decide_NoReads_IsIncomplete() =>
        Assert.Equal(new GoldDecision(null, 0, GoldStatus.Incomplete), MajorityVote.Decide([], 3));
}
