using BlendSign.Data.Demo;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Tests.Demo;

[Collection(PlannedScansCollection.Name)]
public class PhantomRendererTests(PlannedScansFixture planned)
{
    private const int Size = HeadPhantom.Size;

    private readonly PhantomRenderer _renderer = new();
    private readonly short[] _hu = new short[PhantomRenderer.PixelCount];
    private readonly PhantomTissue[] _tissue = new PhantomTissue[PhantomRenderer.PixelCount];

    public static TheoryData<PhantomTissue, int, int> TissueRanges => new()
    {
        { PhantomTissue.Air, -1010, -990 },
        { PhantomTissue.Skull, 700, 1500 },
        { PhantomTissue.Parenchyma, 25, 40 },
        { PhantomTissue.Ventricle, 0, 15 },
        { PhantomTissue.Hemorrhage, 55, 85 },
    };

    [Theory]
    [MemberData(nameof(TissueRanges))]
    public void Render_Tissue_StaysInItsHuRange(PhantomTissue tissue, int min, int max)
    {
        var seen = 0;
        foreach (var (scan, slice) in SlicesWith(HemorrhageClass.NormalIch).Take(4).Append((planned.Scans[0], planned.Scans[0].SliceCount / 2)))
        {
            _renderer.Render(scan, slice, _hu, _tissue);
            for (var i = 0; i < _hu.Length; i++)
            {
                if (_tissue[i] == tissue)
                {
                    seen++;
                    Assert.InRange(_hu[i], min, max);
                }
            }
        }

        Assert.True(seen > 100, $"only {seen} {tissue} pixels rendered");
    }

    [Fact]
    public void Render_MiddleSlice_AirOutsideSkullRingAroundBrain()
    {
        var scan = planned.Scans[0];
        _renderer.Render(scan, scan.SliceCount / 2, _hu, _tissue);

        // Along the middle row from the left edge: air, then scalp, skull, then the brain.
        var row = Enumerable.Range(0, Size / 2).Select(x => _tissue[Size / 2 * Size + x]).Distinct().ToList();
        Assert.Equal([PhantomTissue.Air, PhantomTissue.Scalp, PhantomTissue.Skull, PhantomTissue.Parenchyma], row.Take(4));
        Assert.Equal(PhantomTissue.Air, _tissue[0]);
        Assert.InRange(_hu[0], -1010, -990);
    }

    [Fact]
    public void Render_BlendSignSlice_RegionsAtLeast18HuApartWithSharpMargin()
    {
        var checkedSlices = 0;
        foreach (var (scan, slice) in SlicesWith(HemorrhageClass.BlendSign).Take(6))
        {
            _renderer.Render(scan, slice, _hu, _tissue);
            var box = scan.Slices[slice].Boxes.Single(b => b.ShowsBlendSign);
            var hyper = new List<int>();
            var hypo = new List<int>();
            var touching = 0;
            for (var y = (int)box.Top; y < (int)box.Bottom; y++)
            {
                for (var x = (int)box.Left; x < (int)box.Right; x++)
                {
                    var i = y * Size + x;
                    if (_tissue[i] == PhantomTissue.BlendHyperdense)
                    {
                        hyper.Add(_hu[i]);
                        // A sharp margin: hyperdense pixels border hypodense ones directly, with nothing between.
                        if (_tissue[i + 1] == PhantomTissue.BlendHypodense || _tissue[i + Size] == PhantomTissue.BlendHypodense)
                        {
                            touching++;
                        }
                    }
                    else if (_tissue[i] == PhantomTissue.BlendHypodense)
                    {
                        hypo.Add(_hu[i]);
                    }
                }
            }

            Assert.True(hyper.Count > 50 && hypo.Count > 50, $"regions of {hyper.Count} and {hypo.Count} pixels");
            Assert.True(hyper.Average() - hypo.Average() >= PhantomHu.BlendMinimumContrast,
                $"hyperdense {hyper.Average():F1} vs hypodense {hypo.Average():F1} HU");
            Assert.InRange(hyper.Average(), 70, 80);
            Assert.InRange(hypo.Average(), 40, 50);
            Assert.All(hyper, v => Assert.InRange(v, 68, 85));
            Assert.All(hypo, v => Assert.InRange(v, 35, 52));
            Assert.True(touching > 5, $"only {touching} hyperdense pixels touch the hypodense region");
            checkedSlices++;
        }

        Assert.True(checkedSlices >= 3);
    }

    [Fact]
    public void Render_HemorrhageSlices_BleedPixelsLieInsideTheTrueBoxes()
    {
        foreach (var (scan, slice) in SlicesWith(HemorrhageClass.NormalIch).Take(5).Concat(SlicesWith(HemorrhageClass.BlendSign).Take(3)))
        {
            _renderer.Render(scan, slice, _hu, _tissue);
            var boxes = scan.Slices[slice].Boxes;
            var bleedPixels = 0;
            for (var i = 0; i < _tissue.Length; i++)
            {
                if (_tissue[i] is PhantomTissue.Hemorrhage or PhantomTissue.BlendHyperdense or PhantomTissue.BlendHypodense)
                {
                    bleedPixels++;
                    int x = i % Size, y = i / Size;
                    Assert.Contains(boxes, b => x >= b.Left && x < b.Right && y >= b.Top && y < b.Bottom);
                }
            }

            Assert.True(bleedPixels >= boxes.Max(b => b.PixelCount));
            Assert.All(boxes, b =>
            {
                Assert.InRange(b.CenterX, b.Left, b.Right);
                Assert.InRange(b.CenterY, b.Top, b.Bottom);
            });
        }
    }

    [Fact]
    public void Render_NonIchSlice_HasNoBleedPixels()
    {
        var (scan, slice) = SlicesWith(HemorrhageClass.NonIch).First();

        _renderer.Render(scan, slice, _hu, _tissue);

        Assert.DoesNotContain(_tissue, t => t is PhantomTissue.Hemorrhage or PhantomTissue.BlendHyperdense or PhantomTissue.BlendHypodense);
    }

    [Fact]
    public void Render_SameSeedTwice_SamePixels()
    {
        var scan = new HeadPhantom(11).PlanScan(3);
        var again = new HeadPhantom(11).PlanScan(3);
        var other = new short[PhantomRenderer.PixelCount];

        _renderer.Render(scan, 4, _hu);
        new PhantomRenderer().Render(again, 4, other);

        Assert.Equal(_hu, other);
    }

    [Fact]
    public void Render_NeighbouringSlices_DifferentNoise()
    {
        var scan = planned.Scans[1];
        var other = new short[PhantomRenderer.PixelCount];

        _renderer.Render(scan, 3, _hu);
        _renderer.Render(scan, 4, other);

        Assert.NotEqual(_hu, other);
    }

    private IEnumerable<(PhantomScan Scan, int Slice)> SlicesWith(HemorrhageClass label) =>
        planned.Scans.SelectMany(scan => scan.Slices.Where(s => s.TrueClass == label).Select(s => (scan, s.Index)));
}
