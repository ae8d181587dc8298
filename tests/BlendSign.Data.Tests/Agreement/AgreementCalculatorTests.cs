using BlendSign.Data.Agreement;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Tests.Agreement;

public class AgreementCalculatorTests
{
    private const double Tolerance = 1e-9;
    private static readonly string[] _threeRaters = ["r1", "r2", "r3"];
    private static readonly AgreementOptions _noBootstrap = new(BootstrapResamples: 0);

    [Theory]
    [MemberData(nameof(KappaReference.MatrixNames), MemberType = typeof(KappaReference))]
    public void Compute_ReferenceMatrices_MatchScikitLearnAndStatsmodels(string name)
    {
        var reference = KappaReference.Load().Matrices.Single(m => m.Name == name);
        var raters = Enumerable.Range(1, reference.Raters).Select(r => $"rater{r}").ToArray();
        var matrix = LabelMatrix.FromRows(raters, reference.Labels.Select((labels, i) => (reference.ScanIds[i], labels)));

        var report = AgreementCalculator.Compute(matrix, _noBootstrap);

        Assert.Equal(reference.Labels.Length, report.SlicesCompared);
        foreach (var (group, expected) in reference.Expected)
        {
            var actual = group == "overall" ? report.Overall : report.Classes[group];
            Assert.Equal(expected.FleissKappa, actual.FleissKappa!.Value, Tolerance);
            Assert.Equal(expected.Pairs.Count, actual.Pairs.Count);
            foreach (var pair in expected.Pairs)
            {
                var computed = actual.Pair(raters[pair.Raters[0]], raters[pair.Raters[1]])!;
                Assert.Equal(pair.CohenKappa, computed.CohenKappa!.Value, Tolerance);
                Assert.Equal(pair.PercentAgreement, computed.PercentAgreement!.Value, Tolerance);
            }
        }
    }

    [Fact]
    public void Compute_SliceNotReadByEveryone_IsLeftOut()
    {
        var matrix = new LabelMatrix(_threeRaters,
        [
            Slice(1, 0, 0, 0),
            Slice(1, 1, 1, 1),
            new RatedSlice(1, [HemorrhageClass.NonIch, null, HemorrhageClass.BlendSign]),
        ]);

        var report = AgreementCalculator.Compute(matrix, _noBootstrap);

        Assert.Equal(2, report.SlicesCompared);
        Assert.Equal(1.0, report.Overall.FleissKappa);
        Assert.All(report.Overall.Pairs, p => Assert.Equal(100.0, p.PercentAgreement));
    }

    [Fact]
    public void Compute_ClassNobodyUsed_IsPerfectAgreementByConvention()
    {
        var matrix = new LabelMatrix(_threeRaters, [Slice(1, 0, 0, 1), Slice(2, 1, 1, 1), Slice(3, 0, 0, 0)]);

        var report = AgreementCalculator.Compute(matrix);

        var blend = report.For(HemorrhageClass.BlendSign);
        Assert.Equal(1.0, blend.FleissKappa);
        Assert.Equal(new ConfidenceInterval(1, 1), blend.Ci95);
        Assert.All(blend.Pairs, p =>
        {
            Assert.Equal(1.0, p.CohenKappa);
            Assert.Equal(100.0, p.PercentAgreement);
            Assert.Equal(AgreementStrength.AlmostPerfect, p.Interpretation);
        });
    }

    [Fact]
    public void Compute_EveryBootstrapValue_IsANumber()
    {
        // Tiny and lopsided: many resamples hold a single class, where every kappa is 0/0 before the convention.
        var matrix = new LabelMatrix(_threeRaters, [Slice(1, 0, 0, 0), Slice(2, 0, 1, 0), Slice(3, 2, 2, 1)]);

        var report = AgreementCalculator.Compute(matrix);

        var groups = report.Classes.Values.Append(report.Overall).ToList();
        var values = groups.SelectMany(g => new[] { g.FleissKappa!.Value, g.Ci95!.Lower, g.Ci95.Upper })
            .Concat(groups.SelectMany(g => g.Pairs).SelectMany(p => new[] { p.CohenKappa!.Value, p.Ci95!.Lower, p.Ci95.Upper }));
        Assert.All(values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Compute_SingleRater_KappasNullWithReason()
    {
        var matrix = new LabelMatrix(["only"], [new RatedSlice(1, [HemorrhageClass.NonIch])]);

        var report = AgreementCalculator.Compute(matrix);

        Assert.Null(report.Overall.FleissKappa);
        Assert.Empty(report.Overall.Pairs);
        Assert.All(report.Classes.Values, c => Assert.Null(c.FleissKappa));
        Assert.Contains("two raters", report.Note);
    }

    [Fact]
    public void Compute_NoSliceReadByEveryone_KappasNullWithReason()
    {
        var matrix = new LabelMatrix(["a", "b"], [new RatedSlice(1, [HemorrhageClass.NonIch, null])]);

        var report = AgreementCalculator.Compute(matrix);

        Assert.Equal(0, report.SlicesCompared);
        Assert.Null(report.Overall.FleissKappa);
        var pair = Assert.Single(report.Overall.Pairs);
        Assert.Equal(["a", "b"], pair.Raters);
        Assert.Null(pair.CohenKappa);
        Assert.Null(pair.PercentAgreement);
        Assert.Contains("No slice", report.Note);
    }

    [Fact]
    public void Compute_NoResamples_LeavesIntervalsOut()
    {
        var report = AgreementCalculator.Compute(SyntheticRatings.Study(), _noBootstrap);

        Assert.Null(report.Overall.Ci95);
        Assert.All(report.Overall.Pairs, p => Assert.Null(p.Ci95));
        Assert.NotNull(report.Overall.FleissKappa);
    }

    [Fact]
    public void Compute_ClassesAndPairs_InStudyAndRaterOrder()
    {
        var matrix = LabelMatrix.FromRows(["a", "b", "c", "d"], [(1, [0, 1, 2, 0]), (2, [1, 1, 2, 2])]);

        var report = AgreementCalculator.Compute(matrix, _noBootstrap);

        Assert.Equal(["non_ich", "normal_ich", "blend_sign"], report.Classes.Keys);
        Assert.Equal(["a-b", "a-c", "a-d", "b-c", "b-d", "c-d"], report.Overall.Pairs.Select(p => string.Join('-', p.Raters)));
    }

    private static RatedSlice Slice(int scan, params int[] labels) =>
        new(scan, labels.Select(l => (HemorrhageClass?)l).ToArray());
}
