using BlendSign.Model.Metrics;

namespace BlendSign.Model.Tests.Metrics;

public class MedianTests
{
    [Fact]
    public void Of_OddCount_TheMiddleValue() => Assert.Equal(3.0, Median.Of([9.0, 1.0, 3.0]));

    [Fact]
    public void Of_EvenCount_TheMeanOfTheTwoMiddleValues() => Assert.Equal(2.5, Median.Of([4.0, 1.0, 2.0, 3.0]));

    [Fact]
    public void Of_OneOutlier_DoesNotMoveIt() => Assert.Equal(1.0, Median.Of([1.0, 1.0, 1.0, 1.0, 60.0]));

    [Fact]
    public void Of_NoValues_Refuses() => Assert.Throws<ArgumentException>(() => Median.Of(Array.Empty<double>()));
}
