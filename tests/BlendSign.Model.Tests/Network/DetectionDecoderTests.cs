using BlendSign.Model.Network;
using BlendSign.Model.Training;
using static TorchSharp.torch;

namespace BlendSign.Model.Tests.Network;

public class DetectionDecoderTests
{
    /// <summary>A 5×G×G map with every center logit at <paramref name="background"/> (sigmoid ≈ 0) and no distances.</summary>
    private static float[] EmptyMap(int grid, float background = -10f)
    {
        var map = new float[DetectionHead.OutputChannels * grid * grid];
        Array.Fill(map, background, 0, grid * grid);
        return map;
    }

    private static void SetCell(float[] map, int grid, int row, int col, float logit, float left, float right, float top, float bottom)
    {
        var (cells, cell) = (grid * grid, row * grid + col);
        map[cell] = logit;
        map[cells + cell] = left;
        map[2 * cells + cell] = right;
        map[3 * cells + cell] = top;
        map[4 * cells + cell] = bottom;
    }

    [Fact]
    public void Decode_OneConfidentCell_BoxAroundTheCellCenterWithItsScore()
    {
        // 4×4 grid, cell (row 1, col 2): center (0.625, 0.375); logit 2 → score 1/(1+e^-2) = 0.8808.
        var map = EmptyMap(4);
        SetCell(map, 4, 1, 2, 2f, 0.1f, 0.2f, 0.05f, 0.15f);

        var box = Assert.Single(DetectionDecoder.Decode(map, 4));

        Assert.Equal(0.880797, box.Score, 5);
        Assert.Equal(0.525, box.Box.Left, 6);
        Assert.Equal(0.825, box.Box.Right, 6);
        Assert.Equal(0.325, box.Box.Top, 6);
        Assert.Equal(0.525, box.Box.Bottom, 6);
    }

    [Fact]
    public void Decode_BelowThreshold_Nothing_AndTheThresholdIsInclusive()
    {
        var map = EmptyMap(3);
        SetCell(map, 3, 1, 1, 0f, 0.1f, 0.1f, 0.1f, 0.1f); // score exactly 0.5

        Assert.Single(DetectionDecoder.Decode(map, 3, minimumScore: 0.5));
        Assert.Empty(DetectionDecoder.Decode(map, 3, minimumScore: 0.51));
    }

    [Fact]
    public void Decode_NeighboursOfAPeak_OnlyThePeak_FarPeaksBoth_HighestFirst()
    {
        var map = EmptyMap(6);
        SetCell(map, 6, 1, 1, 3f, 0.05f, 0.05f, 0.05f, 0.05f);
        SetCell(map, 6, 1, 2, 2f, 0.05f, 0.05f, 0.05f, 0.05f); // next to the peak: suppressed
        SetCell(map, 6, 4, 4, 4f, 0.1f, 0.1f, 0.1f, 0.1f);     // its own peak, higher

        var boxes = DetectionDecoder.Decode(map, 6);

        Assert.Equal(2, boxes.Count);
        Assert.Equal((4.5 / 6, 4.5 / 6), (boxes[0].Box.CenterX, boxes[0].Box.CenterY));
        Assert.Equal((1.5 / 6, 1.5 / 6), (boxes[1].Box.CenterX, boxes[1].Box.CenterY));
    }

    [Fact]
    public void Decode_PlateauOfEqualScores_OneBox()
    {
        var map = EmptyMap(4);
        SetCell(map, 4, 2, 1, 1f, 0.1f, 0.1f, 0.1f, 0.1f);
        SetCell(map, 4, 2, 2, 1f, 0.1f, 0.1f, 0.1f, 0.1f);

        var box = Assert.Single(DetectionDecoder.Decode(map, 4));

        Assert.Equal(1.5 / 4, box.Box.CenterX, 6);
    }

    [Fact]
    public void Decode_NegativeDistancesAndEdges_ClippedToAValidBoxInsideTheImage()
    {
        var map = EmptyMap(2);
        SetCell(map, 2, 0, 0, 5f, 0.9f, -0.3f, 0.6f, 0.25f);

        var box = Assert.Single(DetectionDecoder.Decode(map, 2)).Box;

        // Cell center (0.25, 0.25): left 0.25 − 0.9 clips to 0, right gets 0 (negative), top clips to 0, bottom 0.5.
        Assert.Equal(new UnitBox(0, 0, 0.25, 0.5), box);
    }

    [Fact]
    public void Decode_TheTargetsOfTwoBoxes_GivesThoseBoxesBack()
    {
        // The training targets, with the center map turned into logits, decode to the boxes they were rendered from
        // (each box's center cell holds 1, its distances are exact).
        UnitBox[] boxes = [new(0.1, 0.15, 0.35, 0.4), new(0.55, 0.5, 0.9, 0.85)];
        var targets = DetectionTargets.Render(boxes, 8);
        var map = new float[5 * 64];
        for (var i = 0; i < 64; i++)
        {
            var p = Math.Clamp(targets.Center[i], 1e-4f, 1 - 1e-4f);
            map[i] = MathF.Log(p / (1 - p));
        }

        targets.Distances.CopyTo(map, 64);

        var decoded = DetectionDecoder.Decode(map, 8, minimumScore: 0.99).Select(d => d.Box).OrderBy(b => b.Left).ToList();

        Assert.Equal(2, decoded.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(boxes[i].Left, decoded[i].Left, 5);
            Assert.Equal(boxes[i].Top, decoded[i].Top, 5);
            Assert.Equal(boxes[i].Right, decoded[i].Right, 5);
            Assert.Equal(boxes[i].Bottom, decoded[i].Bottom, 5);
        }
    }

    [Fact]
    public void Decode_WrongLength_Refused()
    {
        Assert.Throws<ArgumentException>(() => DetectionDecoder.Decode(new float[5 * 9 - 1], 3));
    }

    [Fact]
    public void Detect_ModelWithoutTheBranch_Null_WithTheBranch_OnlyBoxesInsideTheImage()
    {
        random.manual_seed(4);
        var image = new float[3 * 32 * 32];
        using var plain = new SliceClassifier(new NetworkOptions { Backbone = Backbones.TinyCnn, Detection = false });
        using var detecting = new SliceClassifier(new NetworkOptions { Backbone = Backbones.TinyCnn, Detection = true });

        Assert.Null(DetectionDecoder.Detect(plain, image, 32));
        var boxes = DetectionDecoder.Detect(detecting, image, 32, minimumScore: 0)!;
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b =>
        {
            Assert.InRange(b.Box.Left, 0, b.Box.Right);
            Assert.InRange(b.Box.Top, 0, b.Box.Bottom);
            Assert.InRange(b.Box.Right, b.Box.Left, 1);
            Assert.InRange(b.Box.Bottom, b.Box.Top, 1);
            Assert.InRange(b.Score, 0, 1);
        });
    }
}
