using BlendSign.Data.Gold;

namespace BlendSign.Data.Tests.Gold;

public class BoxConsensusTests
{
    private static RaterBox Box(string rater, double left, double top, double right, double bottom) =>
        new(rater, (left + right) / 2, (top + bottom) / 2, left, top, right, bottom);

    [Fact]
    public void Build_ThreeRatersSameRegion_OneBoxAveragedWithSupportThree()
    {
        var consensus = BoxConsensus.Build([
            Box("r1", 100, 100, 200, 200),
            Box("r2", 110, 100, 210, 200),
            Box("r3", 90, 100, 190, 200) with { CenterX = 150, CenterY = 160 },
        ]);

        var box = Assert.Single(consensus);
        Assert.Equal(3, box.Support);
        Assert.Equal(100, box.Left, 1e-12);
        Assert.Equal(200, box.Right, 1e-12);
        Assert.Equal((150 + 160 + 150) / 3.0, box.CenterX, 1e-12);
        Assert.Equal((150 + 150 + 160) / 3.0, box.CenterY, 1e-12);
    }

    [Fact]
    public void Build_TwoOfThreeDrawIt_KeptWithSupportTwo()
    {
        var consensus = BoxConsensus.Build([
            Box("r1", 100, 100, 200, 200),
            Box("r2", 105, 105, 205, 205),
            Box("r3", 300, 300, 350, 350),
        ]);

        var box = Assert.Single(consensus);
        Assert.Equal(2, box.Support);
        Assert.Equal(102.5, box.Left, 1e-12);
    }

    [Fact]
    public void Build_OneOneOneNoOverlap_NoConsensus() =>
        Assert.Empty(BoxConsensus.Build([
            Box("r1", 0, 0, 10, 10),
            Box("r2", 100, 100, 110, 110),
            Box("r3", 200, 200, 210, 210),
        ]));

    [Fact]
    public void Build_OnlyOneRaterDrew_NoConsensus() =>
        Assert.Empty(BoxConsensus.Build([Box("r1", 0, 0, 10, 10), Box("r1", 1, 1, 11, 11)]));

    [Fact]
    public void Build_NoBoxes_Empty() => Assert.Empty(BoxConsensus.Build([]));

    [Fact]
    public void Build_OverlapBelowHalf_NotMatched()
    {
        // IoU = 50·100 / (2·100·100 − 50·100) = 1/3.
        Assert.Equal(1.0 / 3, BoxConsensus.IoU(Box("a", 0, 0, 100, 100), Box("b", 50, 0, 150, 100)), 1e-12);
        Assert.Empty(BoxConsensus.Build([Box("r1", 0, 0, 100, 100), Box("r2", 50, 0, 150, 100)]));
    }

    [Fact]
    public void Build_BoxMatchingTwoBoxesOfAnotherRater_JoinsTheHigherIoUOnly()
    {
        // r1's wide box overlaps both of r2's boxes at IoU ≥ 0.5; it takes the closer one (IoU 0.9 against 0.6),
        // the other r2 box stays alone (no partner), so exactly one consensus box with support 2.
        var wide = Box("r1", 0, 0, 100, 100);
        var close = Box("r2", 0, 0, 90, 100);
        var farther = Box("r2", 40, 0, 100, 100);
        Assert.Equal(0.9, BoxConsensus.IoU(wide, close), 1e-12);
        Assert.Equal(0.6, BoxConsensus.IoU(wide, farther), 1e-12);

        var consensus = BoxConsensus.Build([farther, wide, close]);

        var box = Assert.Single(consensus);
        Assert.Equal(2, box.Support);
        Assert.Equal(0, box.Left, 1e-12);
        Assert.Equal(95, box.Right, 1e-12);
    }

    [Fact]
    public void Build_TwoRegionsEachDrawnByTwo_TwoBoxesOneToOne()
    {
        var consensus = BoxConsensus.Build([
            Box("r1", 0, 0, 50, 50), Box("r1", 200, 200, 260, 260),
            Box("r2", 2, 2, 52, 52), Box("r2", 205, 205, 262, 262),
            Box("r3", 400, 400, 420, 420),
        ]);

        Assert.Equal(2, consensus.Count);
        Assert.All(consensus, b => Assert.Equal(2, b.Support));
        Assert.Equal(1, consensus[0].Left, 1e-12);
        Assert.Equal(202.5, consensus[1].Left, 1e-12);
    }

    [Fact]
    public void Build_InputOrder_DoesNotChangeResult()
    {
        RaterBox[] boxes = [Box("r1", 0, 0, 100, 100), Box("r2", 0, 0, 90, 100), Box("r2", 40, 0, 100, 100), Box("r3", 5, 0, 95, 100)];

        var forward = BoxConsensus.Build(boxes);
        var backward = BoxConsensus.Build(boxes.Reverse());

        Assert.Equal(forward, backward);
    }
}
