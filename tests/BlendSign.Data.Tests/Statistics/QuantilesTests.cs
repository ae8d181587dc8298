using BlendSign.Data.Statistics;

namespace BlendSign.Data.Tests.Statistics;

public sealed class QuantilesTests
{
    [Theory]
    // numpy.quantile([1, 2, 3, 4, 10], q) with its default (linear) method
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 3.0)]
    [InlineData(0.95, 8.8)]
    [InlineData(0.99, 9.76)]
    [InlineData(1.0, 10.0)]
    public void OfSorted_FiveValues_AsNumpy(double q, double expected) =>
        Assert.Equal(expected, Quantiles.OfSorted([1, 2, 3, 4, 10], q), 10);

    [Fact]
    public void OfSorted_OneValue_ThatValueAtEveryQuantile() =>
        Assert.All(new[] { 0, 0.5, 0.99, 1 }, q => Assert.Equal(7, Quantiles.OfSorted([7], q)));

    [Fact]
    public void OfSorted_NoValues_NaN() => Assert.True(double.IsNaN(Quantiles.OfSorted([], 0.5)));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void OfSorted_QuantileOutsideZeroToOne_Throws(double q) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.OfSorted([1, 2], q));
}
