using BlendSign.Model.CrossValidation;
using BlendSign.Model.Health;

namespace BlendSign.Model.Tests.Health;

public class OutputHealthTests
{
    private static readonly string[] Classes = ["non_ich", "normal_ich", "blend_sign"];

    private static OofPrediction Row(int i, int label, params double[] p) => new($"s{i}", $"g{i % 3}", 1, label, p);

    [Fact]
    public void Check_EveryRowTheSame_IsConstant()
    {
        OofPrediction[] rows = [.. Enumerable.Range(0, 10).Select(i => Row(i, i % 3, 0.7, 0.2, 0.1))];

        var finding = Assert.Single(OutputHealth.Check(rows, fold: 2, generation: 1));

        Assert.Equal(DivergenceKind.ConstantOutputs, finding.Kind);
        Assert.Equal((2, 1), (finding.Fold, finding.Generation));
        Assert.StartsWith("fold 2 student 1: every one of the 10 held-out slices", finding.Reason);
    }

    [Fact]
    public void Check_IssueElevensOneZeroZeroRows_IsSaturated()
    {
        OofPrediction[] rows = [.. Enumerable.Range(0, 10).Select(i => i < 6 ? Row(i, 0, 1, 0, 0) : Row(i, 1, 1e-20, 1, 1e-30))];

        var finding = Assert.Single(OutputHealth.Check(rows, fold: 1, generation: 0));

        Assert.Equal(DivergenceKind.SaturatedOutputs, finding.Kind);
        Assert.Contains("10 of 10 held-out slices", finding.Reason);
    }

    [Fact]
    public void Check_ConfidentButVariedRows_IsHealthy()
    {
        // Four of ten rows saturated (under half), the rest confident and varied.
        OofPrediction[] rows = [.. Enumerable.Range(0, 10).Select(i => i < 4 ? Row(i, 0, 1, 0, 0) : Row(i, 1, 0.1 + i * 0.01, 0.85 - i * 0.01, 0.05))];

        Assert.Empty(OutputHealth.Check(rows, fold: 1, generation: 0));
        Assert.Empty(OutputHealth.Check([], fold: 1, generation: 0));
    }

    [Fact]
    public void Warnings_ConstantClassAndOneClassPredicted_SaysAucMeansNothingAndNamesTheClass()
    {
        OofPrediction[] rows = [.. Enumerable.Range(0, 6).Select(i => Row(i, i % 3, 0.8 - i * 0.01, 0.1 + i * 0.01, 0.1))];

        var warnings = OutputHealth.Warnings(rows, Classes);

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("AUC 0.5 for blend_sign means nothing here", warnings[0]);
        Assert.Equal("The model predicts non_ich for every one of the 6 slices.", warnings[1]);
    }

    [Fact]
    public void Warnings_VariedPredictions_None()
    {
        OofPrediction[] rows = [Row(0, 0, 0.8, 0.1, 0.1), Row(1, 1, 0.2, 0.7, 0.1), Row(2, 2, 0.1, 0.2, 0.7)];

        Assert.Empty(OutputHealth.Warnings(rows, Classes));
    }
}
