using BlendSign.Model.Training;

namespace BlendSign.Model.Tests.Training;

public class PolyScheduleTests
{
    [Theory]
    [InlineData(0, 0.01)]
    [InlineData(50, 0.005358867312681466)] // 0.01 · 0.5^0.9
    [InlineData(75, 0.0028717458874925875)] // 0.01 · 0.25^0.9
    [InlineData(99, 0.00015848931924611134)] // 0.01 · 0.01^0.9
    [InlineData(100, 0.0)]
    public void LearningRate_IterationOfHundred_FollowsPolyFormula(int iteration, double expected) =>
        Assert.Equal(expected, PolySchedule.LearningRate(0.01, iteration, 100, 0.9), 12);

    [Fact]
    public void LearningRate_PastTheEnd_StaysZero() =>
        Assert.Equal(0.0, PolySchedule.LearningRate(0.01, 120, 100, 0.9));

    [Fact]
    public void LearningRate_NoIterations_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PolySchedule.LearningRate(0.01, 0, 0, 0.9));
}
