using BlendSign.Data.Demo;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Tests.Demo;

[Collection(PlannedScansCollection.Name)]
public class HeadPhantomTests(PlannedScansFixture planned)
{
    [Fact]
    public void PlanScan_ThreeHundredScans_SliceClassesNear22To9To1()
    {
        var slices = planned.Scans.SelectMany(s => s.Slices).ToList();
        double Share(HemorrhageClass c) => slices.Count(s => s.TrueClass == c) / (double)slices.Count;

        // The study: 8,864 : 3,965 : 447 of 13,276 slices.
        Assert.InRange(Share(HemorrhageClass.NonIch), 22 / 32.0 - 0.04, 22 / 32.0 + 0.04);
        Assert.InRange(Share(HemorrhageClass.NormalIch), 9 / 32.0 - 0.04, 9 / 32.0 + 0.04);
        Assert.InRange(Share(HemorrhageClass.BlendSign), 1 / 32.0 - 0.012, 1 / 32.0 + 0.012);
    }

    [Fact]
    public void PlanScan_ThreeHundredScans_EightToTwelveSlicesAndEveryBleedKind()
    {
        Assert.All(planned.Scans, s => Assert.InRange(s.SliceCount, 8, 12));
        var kinds = planned.Scans.SelectMany(s => s.Bleeds).Select(b => b.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<BleedKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void PlanScan_EveryBleed_ShowsOnContiguousSlices()
    {
        foreach (var scan in planned.Scans)
        {
            foreach (var bleed in scan.Bleeds)
            {
                var shown = scan.Slices.Where(s => s.Boxes.Any(b => b.BleedId == bleed.Id)).Select(s => s.Index).ToList();
                Assert.NotEmpty(shown);
                Assert.Equal(shown.Count - 1, shown[^1] - shown[0]);
                var blend = scan.Slices.Where(s => s.Boxes.Any(b => b.BleedId == bleed.Id && b.ShowsBlendSign)).Select(s => s.Index).ToList();
                if (blend.Count > 0)
                {
                    Assert.Equal(blend.Count - 1, blend[^1] - blend[0]);
                }
            }
        }
    }

    [Fact]
    public void PlanScan_HematomaBlob_SizeRisesThenFallsAlongZ()
    {
        var blobs = planned.Scans
            .SelectMany(scan => scan.Bleeds
                .Where(b => b.Kind is BleedKind.Intraparenchymal or BleedKind.BlendSign)
                .Select(b => scan.Slices.SelectMany(s => s.Boxes).Where(x => x.BleedId == b.Id).Select(x => x.PixelCount).ToList()))
            .Where(sizes => sizes.Count >= 3)
            .ToList();

        Assert.NotEmpty(blobs);
        Assert.All(blobs, sizes =>
        {
            var peak = sizes.IndexOf(sizes.Max());
            for (var i = 1; i <= peak; i++)
            {
                Assert.True(sizes[i] >= sizes[i - 1], $"sizes {string.Join(",", sizes)} do not rise to the peak");
            }

            for (var i = peak + 1; i < sizes.Count; i++)
            {
                Assert.True(sizes[i] <= sizes[i - 1], $"sizes {string.Join(",", sizes)} do not fall after the peak");
            }
        });
    }

    [Fact]
    public void PlanScan_SliceWithBlendSignAndNormalIch_CountsAsBlendSign()
    {
        var mixed = planned.Scans.SelectMany(s => s.Slices)
            .Where(s => s.Boxes.Any(b => b.ShowsBlendSign) && s.Boxes.Any(b => !b.ShowsBlendSign))
            .ToList();

        Assert.NotEmpty(mixed);
        Assert.All(mixed, s => Assert.Equal(HemorrhageClass.BlendSign, s.TrueClass));
    }

    [Fact]
    public void PlanScan_SliceClass_FollowsItsBoxes()
    {
        Assert.All(planned.Scans.SelectMany(s => s.Slices), s =>
        {
            var expected = s.Boxes.Count == 0 ? HemorrhageClass.NonIch
                : s.Boxes.Any(b => b.ShowsBlendSign) ? HemorrhageClass.BlendSign
                : HemorrhageClass.NormalIch;
            Assert.Equal(expected, s.TrueClass);
        });
    }

    [Fact]
    public void PlanScan_SameSeedAndNumber_SameScan()
    {
        var first = new HeadPhantom(5).PlanScan(17);
        var second = new HeadPhantom(5).PlanScan(17);

        Assert.Equal(first.AgeYears, second.AgeYears);
        Assert.Equal(first.SliceCount, second.SliceCount);
        for (var i = 0; i < first.SliceCount; i++)
        {
            Assert.Equal(first.Slices[i].TrueClass, second.Slices[i].TrueClass);
            Assert.Equal(first.Slices[i].Boxes, second.Slices[i].Boxes);
        }
    }

    [Fact]
    public void PlanScan_OtherSeed_OtherScans()
    {
        static string Signature(HeadPhantom phantom) => string.Join(";", Enumerable.Range(1, 20)
            .Select(phantom.PlanScan)
            .Select(s => $"{s.SliceCount}:{string.Join(",", s.Slices.Select(x => (int)x.TrueClass))}"));

        Assert.NotEqual(Signature(new HeadPhantom(1)), Signature(new HeadPhantom(2)));
    }
}
