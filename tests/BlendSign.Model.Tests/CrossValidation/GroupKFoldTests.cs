using BlendSign.Model.CrossValidation;
using BlendSign.Model.Training;

namespace BlendSign.Model.Tests.CrossValidation;

public class GroupKFoldTests
{
    private static IReadOnlyList<TrainingExample> Examples(int scans, int seed)
    {
        var random = new Random(seed);
        var examples = new List<TrainingExample>();
        for (var s = 0; s < scans; s++)
        {
            var slices = random.Next(5, 40);
            var blend = s % 4 == 0;
            for (var i = 0; i < slices; i++)
            {
                var label = blend && i == slices / 2 ? 2 : random.Next(2);
                examples.Add(new TrainingExample($"sop-{s}-{i}", $"scan-{s}", label));
            }
        }

        return examples;
    }

    [Fact]
    public void Assign_ManyScans_NeverPutsOneScanInTwoFolds()
    {
        var examples = Examples(60, 1);

        var folds = GroupKFold.Assign(examples, 5, seed: 42);

        Assert.Equal(examples.Count, folds.Length);
        Assert.All(examples.Select((e, i) => (e.GroupId, Fold: folds[i])).GroupBy(x => x.GroupId),
            scan => Assert.Single(scan.Select(x => x.Fold).Distinct()));
    }

    [Fact]
    public void Assign_ManyScans_BalancesBlendSignScansAndSlices()
    {
        var examples = Examples(60, 2);
        var largestScan = examples.GroupBy(e => e.GroupId).Max(g => g.Count());

        var folds = GroupKFold.Assign(examples, 5, seed: 7);

        var blendScansPerFold = Enumerable.Range(0, 5)
            .Select(f => examples.Where((e, i) => folds[i] == f && e.Label == 2).Select(e => e.GroupId).Distinct().Count())
            .ToArray();
        var slicesPerFold = Enumerable.Range(0, 5).Select(f => folds.Count(x => x == f)).ToArray();
        Assert.True(blendScansPerFold.Max() - blendScansPerFold.Min() <= 1, string.Join(",", blendScansPerFold));
        Assert.True(slicesPerFold.Max() - slicesPerFold.Min() <= largestScan, string.Join(",", slicesPerFold));
        Assert.All(slicesPerFold, count => Assert.True(count > 0));
    }

    [Fact]
    public void Assign_SameSeed_GivesSameSplit()
    {
        var examples = Examples(30, 3);

        Assert.Equal(GroupKFold.Assign(examples, 3, seed: 5), GroupKFold.Assign(examples, 3, seed: 5));
    }

    [Fact]
    public void Assign_FixedFolds_ThoseScansKeepTheirFoldsTheOthersAreDealtAroundThem()
    {
        var examples = Examples(30, 5);
        var earlier = GroupKFold.Assign(examples, 3, seed: 11);
        var fixedFolds = examples.Select((e, i) => (e.GroupId, Fold: earlier[i])).Where(x => x.GroupId != "scan-0")
            .Distinct().ToDictionary(x => x.GroupId, x => x.Fold);
        // Relabelling one slice as blend sign changes which scans are dealt first, and so the split, when nothing is fixed.
        var relabelled = examples.Select(e => e.SampleId == "sop-1-0" ? e with { Label = 2 } : e).ToList();

        var free = GroupKFold.Assign(relabelled, 3, seed: 11);
        var kept = GroupKFold.Assign(relabelled, 3, seed: 11, fixedFolds);

        Assert.NotEqual(earlier, free);
        Assert.All(relabelled.Select((e, i) => (e.GroupId, Fold: kept[i])).Where(x => x.GroupId != "scan-0"),
            x => Assert.Equal(fixedFolds[x.GroupId], x.Fold));
        // scan-0, not fixed, goes to the fold with the fewest blend-sign scans (it has one), whichever that is.
        var scan0 = kept[relabelled.ToList().FindIndex(e => e.GroupId == "scan-0")];
        var blendScans = Enumerable.Range(0, 3).Select(f => relabelled.Where((e, i) => kept[i] == f && e.Label == 2 && e.GroupId != "scan-0")
            .Select(e => e.GroupId).Distinct().Count()).ToArray();
        Assert.Equal(blendScans.Min(), blendScans[scan0]);
    }

    [Fact]
    public void Assign_FixedFoldOutOfRange_Throws()
    {
        var examples = Examples(6, 6);

        var error = Assert.Throws<ArgumentException>(() => GroupKFold.Assign(examples, 3, seed: 1, new Dictionary<string, int> { ["scan-2"] = 3 }));
        Assert.Contains("Scan scan-2 is fixed to fold 4, but there are 3 folds.", error.Message);
    }

    [Fact]
    public void Assign_FewerScansThanFolds_Throws()
    {
        var examples = Examples(2, 4);

        Assert.Throws<ArgumentException>(() => GroupKFold.Assign(examples, 3, seed: 1));
    }
}
