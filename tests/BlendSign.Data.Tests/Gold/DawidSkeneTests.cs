using BlendSign.Data.Gold;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Tests.Gold;

public class DawidSkeneTests
{
    private static IReadOnlyList<HemorrhageClass?> Row(params int?[] labels) => labels.Select(l => (HemorrhageClass?)l).ToArray();

    [Fact]
    public void Fit_RatersAlwaysAgree_PriorsAreClassSharesAndConfusionsIdentity()
    {
        var rows = new[] { Row(0, 0), Row(1, 1), Row(2, 2), Row(0, 0) };

        var result = DawidSkene.Fit(rows, 2, new DawidSkeneOptions(Smoothing: 0));

        Assert.True(result.Converged);
        Assert.Equal([0.5, 0.25, 0.25], result.Priors);
        foreach (var confusion in result.Confusions)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var l = 0; l < 3; l++)
                {
                    Assert.Equal(j == l ? 1.0 : 0.0, confusion[j, l], 1e-12);
                }
            }
        }

        Assert.Equal([0, 1, 2, 0], Enumerable.Range(0, 4).Select(i => (int)result.MostLikely(i)));
        Assert.Equal(1.0, result.Posteriors[1][1], 1e-12);
    }

    [Fact]
    public void Fit_OneIteration_MatchesHandComputedSteps()
    {
        // Start: each slice's vote fractions: (1,0,0), (2/3,1/3,0), (0,1,0) for labels (0,0,0), (0,0,1), (1,1,1).
        // M-step: priors (1 + 2/3, 1/3 + 1, 0) / 3 = (5/9, 4/9, 0). Rater 3's truth-0 row: label 0 with weight 1,
        // label 1 with weight 2/3, so (0.6, 0.4, 0). Raters 1 and 2's truth-1 row: label 0 with weight 1/3,
        // label 1 with weight 1, so (0.25, 0.75, 0).
        // E-step of slice 2: class 0 ∝ 5/9 · 1 · 1 · 0.4 = 8/36, class 1 ∝ 4/9 · 0.25 · 0.25 · 1 = 1/36: 8/9 and 1/9.
        var rows = new[] { Row(0, 0, 0), Row(0, 0, 1), Row(1, 1, 1) };

        var result = DawidSkene.Fit(rows, 3, new DawidSkeneOptions(MaxIterations: 1, Smoothing: 0));

        Assert.Equal(1, result.Iterations);
        Assert.False(result.Converged);
        Assert.Equal(5.0 / 9, result.Priors[0], 1e-12);
        Assert.Equal(4.0 / 9, result.Priors[1], 1e-12);
        Assert.Equal(0.0, result.Priors[2], 1e-12);
        Assert.Equal(0.6, result.Confusions[2][0, 0], 1e-12);
        Assert.Equal(0.4, result.Confusions[2][0, 1], 1e-12);
        Assert.Equal(0.25, result.Confusions[0][1, 0], 1e-12);
        Assert.Equal(0.75, result.Confusions[1][1, 1], 1e-12);
        // A true class no slice has gets a uniform row.
        Assert.Equal(1.0 / 3, result.Confusions[0][2, 2], 1e-12);
        Assert.Equal(8.0 / 9, result.Posteriors[1][0], 1e-12);
        Assert.Equal(1.0 / 9, result.Posteriors[1][1], 1e-12);
    }

    [Fact]
    public void Fit_MissingReads_Skipped()
    {
        var rows = new[] { Row(0, null, 0), Row(null, 2, 2), Row(null, null, null) };

        var result = DawidSkene.Fit(rows, 3);

        Assert.Equal(HemorrhageClass.NonIch, result.MostLikely(0));
        Assert.Equal(HemorrhageClass.BlendSign, result.MostLikely(1));
        Assert.Equal(1.0, result.Posteriors[2].Sum(), 1e-12);
        Assert.All(result.Posteriors, p => Assert.DoesNotContain(p, double.IsNaN));
    }

    [Fact]
    public void Fit_RowOfWrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => DawidSkene.Fit([Row(0, 1)], 3));

    [Fact]
    public void Fit_OneNoisyRater_DownWeightedAndRecoversTruthAtLeastAsWellAsMajority()
    {
        // Two careful raters (92%, 90%) and one who over-calls blend sign and is right only 45% of the time.
        var random = new Random(4);
        var truth = new int[3000];
        var rows = new IReadOnlyList<HemorrhageClass?>[truth.Length];
        for (var i = 0; i < truth.Length; i++)
        {
            var u = random.NextDouble();
            truth[i] = u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
            int Careful(double accuracy) => random.NextDouble() < accuracy ? truth[i] : (truth[i] + 1 + random.Next(2)) % 3;
            var noisy = random.NextDouble() < 0.45 ? truth[i] : random.NextDouble() < 0.7 ? 2 : random.Next(3);
            rows[i] = Row(Careful(0.92), Careful(0.90), noisy);
        }

        var result = DawidSkene.Fit(rows, 3);

        var dsCorrect = Enumerable.Range(0, truth.Length).Count(i => (int)result.MostLikely(i) == truth[i]);
        var majorityCorrect = Enumerable.Range(0, truth.Length).Count(i =>
            MajorityVote.Decide(rows[i].Select(l => l!.Value).ToList(), 3).Label is { } label && (int)label == truth[i]);
        Assert.True(result.Converged);
        Assert.True(dsCorrect >= majorityCorrect, $"Dawid–Skene {dsCorrect} vs majority {majorityCorrect} of {truth.Length}");
        Assert.True(dsCorrect > 0.9 * truth.Length, $"Dawid–Skene recovered {dsCorrect} of {truth.Length}");
        double Accuracy(double[,] m) => Enumerable.Range(0, 3).Average(j => m[j, j]);
        Assert.True(Accuracy(result.Confusions[2]) < Accuracy(result.Confusions[0]) - 0.25,
            $"noisy {Accuracy(result.Confusions[2]):0.00} vs careful {Accuracy(result.Confusions[0]):0.00}");
        Assert.True(result.Confusions[2][0, 2] > 0.3, "the noisy rater's over-calling of blend sign is estimated");
        Assert.Equal(0.6, result.Priors[0], 0.03);
    }
}
