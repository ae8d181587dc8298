using BlendSign.Data.Agreement;
using BlendSign.Data.Labels;

namespace BlendSign.Data.Tests.Agreement;

public class AgreementDetailsTests
{
    // Rows: (scan, [rater1, rater2, rater3]); the last slice is not read by rater3 and is left out.
    private static readonly LabelMatrix Matrix = new(
        ["rater1", "rater2", "rater3"],
        [
            new RatedSlice(1, [HemorrhageClass.NonIch, HemorrhageClass.NonIch, HemorrhageClass.NonIch], 10),
            new RatedSlice(1, [HemorrhageClass.BlendSign, HemorrhageClass.NormalIch, HemorrhageClass.BlendSign], 11),
            new RatedSlice(2, [HemorrhageClass.NormalIch, HemorrhageClass.NormalIch, HemorrhageClass.NonIch], 12),
            new RatedSlice(2, [HemorrhageClass.BlendSign, HemorrhageClass.BlendSign, null], 13),
        ]);

    [Fact]
    public void PairConfusion_CompleteSlicesOnly_CountsFirstRaterByRows()
    {
        var confusion = AgreementDetails.PairConfusion(Matrix, 0, 1);

        Assert.Equal(1, confusion[0, 0]);
        Assert.Equal(1, confusion[2, 1]);
        Assert.Equal(1, confusion[1, 1]);
        Assert.Equal(3, confusion.Cast<long>().Sum());
    }

    [Fact]
    public void Prevalence_PerRater_CountsOverComparedSlices()
    {
        var prevalence = AgreementDetails.Prevalence(Matrix);

        Assert.Equal([1L, 1, 1], prevalence[0]);
        Assert.Equal([1L, 2, 0], prevalence[1]);
        Assert.Equal([2L, 0, 1], prevalence[2]);
    }

    [Theory]
    [InlineData("overall", 0, 1, new[] { 11 })]
    [InlineData("blend_sign", 0, 1, new[] { 11 })]
    [InlineData("normal_ich", 0, 1, new[] { 11 })]
    [InlineData("non_ich", 0, 1, new int[0])]
    [InlineData("non_ich", 1, 2, new[] { 12 })]
    [InlineData("overall", 0, 2, new[] { 12 })]
    public void Disagreements_PairAndRow_ListsSlicesWhereExactlyOneChoseTheClass(string group, int first, int second, int[] expected) =>
        Assert.Equal(expected, AgreementDetails.Disagreements(Matrix, first, second, group).Select(s => s.SliceId));

    [Fact]
    public void Disagree_UnknownGroup_Throws() =>
        Assert.Throws<ArgumentException>(() => AgreementDetails.Disagree(HemorrhageClass.NonIch, HemorrhageClass.NonIch, "epidural"));
}
