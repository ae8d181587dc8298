using BlendSign.Web.Features.Reading.Load;

namespace BlendSign.Web.Tests.Features.Reading.Load;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Of_OneToHundredShuffled_NumpyPercentiles()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).OrderBy(v => (v * 37) % 101).ToList();

        var summary = LatencySummary.Of(values);

        // numpy.percentile(range(1, 101), [50, 95, 99]) = 50.5, 95.05, 99.01
        Assert.Equal(new LatencySummary(100, 50.5, 95.05, 99.01, 100), summary);
    }

    [Fact]
    public void Of_NoRequests_CountZeroAndNoPercentiles() =>
        Assert.Equal(new LatencySummary(0, null, null, null, null), LatencySummary.Of([]));
}
