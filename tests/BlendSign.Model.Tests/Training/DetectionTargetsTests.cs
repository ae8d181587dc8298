using BlendSign.Model.Training;

namespace BlendSign.Model.Tests.Training;

public class DetectionTargetsTests
{
    [Fact]
    public void Render_OneBox_MarksItsCenterCellWithDistancesToTheEdges()
    {
        // Box from (0.3, 0.4) to (0.7, 0.8) on a 4×4 grid: center (0.5, 0.6) lies in column 2, row 2 (cell centre 0.625, 0.625).
        var targets = DetectionTargets.Render([new UnitBox(0.3, 0.4, 0.7, 0.8)], 4);

        var cell = 2 * 4 + 2;
        Assert.Equal(1f, targets.Center[cell]);
        Assert.Equal(1f, targets.Mask[cell]);
        Assert.Equal(1f, targets.Mask.Sum());
        Assert.Equal(0.625 - 0.3, targets.Distances[cell], 6);
        Assert.Equal(0.7 - 0.625, targets.Distances[16 + cell], 6);
        Assert.Equal(0.625 - 0.4, targets.Distances[32 + cell], 6);
        Assert.Equal(0.8 - 0.625, targets.Distances[48 + cell], 6);
    }

    [Fact]
    public void Render_OneBox_GaussianFallsWithDistanceFromTheCenter()
    {
        var targets = DetectionTargets.Render([new UnitBox(0.4, 0.4, 0.6, 0.6)], 8);

        // Center at grid (3.5, 3.5); σ = max(0.5, 0.2·8/6) = 0.5 cells: the far corner is ~0 and the map is symmetric.
        Assert.All(targets.Center, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(targets.Center[3 * 8 + 3], targets.Center[4 * 8 + 3], 6);
        Assert.True(targets.Center[0] < 1e-6);
        Assert.True(targets.Center[3 * 8 + 2] < targets.Center[3 * 8 + 3]);
    }

    [Fact]
    public void Render_NoBox_IsEmpty()
    {
        var targets = DetectionTargets.Render([], 3);

        Assert.All(targets.Center, v => Assert.Equal(0f, v));
        Assert.All(targets.Mask, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Normalized_BoxInSlicePixels_IsFractionOfTheSlice() =>
        Assert.Equal(new UnitBox(0.25, 0.5, 0.5, 0.75), new GoldBox(128, 256, 256, 384, 512, 512).Normalized());
}
