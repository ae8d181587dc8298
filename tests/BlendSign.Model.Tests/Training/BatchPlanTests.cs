using BlendSign.Model.Training;

namespace BlendSign.Model.Tests.Training;

public class BatchPlanTests
{
    [Fact]
    public void Split_EvenCount_GivesFullBatches() =>
        Assert.Equal([new Range(0, 4), new Range(4, 8)], BatchPlan.Split(8, 4));

    [Fact]
    public void Split_LoneLastSample_JoinsThePreviousBatch() =>
        Assert.Equal([new Range(0, 4), new Range(4, 9)], BatchPlan.Split(9, 4));

    [Fact]
    public void Split_ShortLastBatch_IsKept() =>
        Assert.Equal([new Range(0, 4), new Range(4, 6)], BatchPlan.Split(6, 4));
}
