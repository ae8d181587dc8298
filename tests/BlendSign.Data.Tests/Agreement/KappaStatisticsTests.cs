using BlendSign.Data.Agreement;

namespace BlendSign.Data.Tests.Agreement;

public class KappaStatisticsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Cohen_WikipediaGrantProposals_IsPublishedPointFour()
    {
        // Wikipedia, "Cohen's kappa": yes/yes 20, yes/no 5, no/yes 10, no/no 15 → p_o 0.7, p_e 0.5, κ 0.4.
        var result = KappaStatistics.Cohen(new long[,] { { 20, 5 }, { 10, 15 } });

        Assert.Equal(0.4, result.Kappa, Tolerance);
        Assert.Equal(0.7, result.ObservedAgreement, Tolerance);
        Assert.Equal(0.5, result.ExpectedAgreement, Tolerance);
    }

    [Fact]
    public void Cohen_Cohen1960Example_IsPublishedPoint49()
    {
        // Cohen (1960), Table 1: 200 subjects, three categories, proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06;
        // p_o = .70, p_c = .41, κ = .29/.59 = .49. statsmodels' cohens_kappa on these counts: 0.49152542372881347.
        var result = KappaStatistics.Cohen(new long[,] { { 88, 14, 18 }, { 10, 40, 10 }, { 2, 6, 12 } });

        Assert.Equal(0.49152542372881347, result.Kappa, Tolerance);
        Assert.Equal(0.70, result.ObservedAgreement, Tolerance);
        Assert.Equal(0.41, result.ExpectedAgreement, Tolerance);
    }

    [Theory]
    [MemberData(nameof(KappaReference.CohenNames), MemberType = typeof(KappaReference))]
    public void Cohen_ScikitLearnVectors_MatchCohenKappaScore(string name)
    {
        var reference = KappaReference.Load().Cohen.Single(c => c.Name == name);
        var confusion = new long[reference.Categories, reference.Categories];
        for (var i = 0; i < reference.A.Length; i++)
        {
            confusion[reference.A[i], reference.B[i]]++;
        }

        var result = KappaStatistics.Cohen(confusion);

        Assert.Equal(reference.Kappa, result.Kappa, Tolerance);
        Assert.Equal(reference.PercentAgreement, 100 * result.ObservedAgreement, Tolerance);
    }

    [Fact]
    public void Fleiss_Fleiss1971WorkedExample_IsPublishedPoint210()
    {
        var reference = KappaReference.Load().Fleiss.Single(c => c.Name == "fleiss1971_wikipedia");

        var result = KappaStatistics.Fleiss(ToTable(reference.Table));

        // Wikipedia's worked example: P̄ = 0.378, P̄e = 0.213, κ = 0.210.
        Assert.Equal(0.210, result.Kappa, 0.0005);
        Assert.Equal(0.378, result.ObservedAgreement, 0.0005);
        Assert.Equal(0.213, result.ExpectedAgreement, 0.0005);
    }

    [Theory]
    [MemberData(nameof(KappaReference.FleissNames), MemberType = typeof(KappaReference))]
    public void Fleiss_StatsmodelsTables_MatchFleissKappa(string name)
    {
        var reference = KappaReference.Load().Fleiss.Single(c => c.Name == name);

        Assert.Equal(reference.Kappa, KappaStatistics.Fleiss(ToTable(reference.Table)).Kappa, Tolerance);
    }

    [Fact]
    public void Cohen_OneCategoryOnly_IsOneByConvention()
    {
        var result = KappaStatistics.Cohen(new long[,] { { 12, 0 }, { 0, 0 } });

        Assert.Equal(1.0, result.Kappa);
        Assert.Equal(1.0, result.ExpectedAgreement);
    }

    [Fact]
    public void Fleiss_OneCategoryOnly_IsOneByConvention()
    {
        var result = KappaStatistics.Fleiss(new[,] { { 3, 0, 0 }, { 3, 0, 0 } });

        Assert.Equal(1.0, result.Kappa);
        Assert.False(double.IsNaN(result.ExpectedAgreement));
    }

    [Fact]
    public void Cohen_CompleteDisagreementWithBalancedMargins_IsMinusOne() =>
        Assert.Equal(-1.0, KappaStatistics.Cohen(new long[,] { { 0, 5 }, { 5, 0 } }).Kappa, Tolerance);

    [Fact]
    public void Fleiss_UnequalRatersPerSubject_Throws() =>
        Assert.Throws<ArgumentException>(() => KappaStatistics.Fleiss(new[,] { { 2, 1 }, { 1, 1 } }));

    [Fact]
    public void Fleiss_SingleRater_Throws() =>
        Assert.Throws<ArgumentException>(() => KappaStatistics.Fleiss(new[,] { { 1, 0 }, { 0, 1 } }));

    [Fact]
    public void Cohen_NoRatings_Throws() =>
        Assert.Throws<ArgumentException>(() => KappaStatistics.Cohen(new long[2, 2]));

    [Theory]
    [InlineData(-0.01, AgreementStrength.Poor)]
    [InlineData(0.0, AgreementStrength.Slight)]
    [InlineData(0.20, AgreementStrength.Slight)]
    [InlineData(0.21, AgreementStrength.Fair)]
    [InlineData(0.40, AgreementStrength.Fair)]
    [InlineData(0.60, AgreementStrength.Moderate)]
    [InlineData(0.80, AgreementStrength.Substantial)]
    [InlineData(0.81, AgreementStrength.AlmostPerfect)]
    [InlineData(1.0, AgreementStrength.AlmostPerfect)]
    public void Interpret_LandisKochBands_ReadAsPublished(double kappa, AgreementStrength expected) =>
        Assert.Equal(expected, LandisKoch.Interpret(kappa));

    [Theory]
    [InlineData(0.82, 0.55, 0.94, "almost perfect by the point estimate; the 95 % CI spans moderate to almost perfect")]
    [InlineData(0.90, 0.85, 0.97, "almost perfect (excellent)")]
    [InlineData(0.70, 0.62, 0.78, "substantial")]
    public void Describe_WithInterval_NamesTheSpanWhenItCrossesBands(double kappa, double lower, double upper, string expected) =>
        Assert.Equal(expected, LandisKoch.Describe(kappa, new ConfidenceInterval(lower, upper)));

    private static int[,] ToTable(int[][] rows)
    {
        var table = new int[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                table[i, j] = rows[i][j];
            }
        }

        return table;
    }
}
