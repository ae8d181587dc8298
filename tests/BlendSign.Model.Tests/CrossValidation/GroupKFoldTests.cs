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
    public void Assign_FewerScansThanFolds_Throws()
    {
        var examples = Examples(2, 4);

        Assert.Throws<ArgumentException>(() => GroupKFold.Assign(examples, 3, seed: 1));
    }
}
