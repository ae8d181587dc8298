using BlendSign.Data.Import;
using BlendSign.Data.Scans;

namespace BlendSign.Data.Tests.Import;

public class SliceOrderingTests
{
    [Fact]
    public void PositionAlongNormal_TiltedGantry_ProjectsOnTheNormal()
    {
        // CQ500-CT-0's orientation (8.5 degree tilt): the normal is (0, 0.147809, 0.989016).
        double[] orientation = [1, 0, 0, 0, 0.989016, -0.147809];

        var position = SliceOrdering.PositionAlongNormal([-113.5, -106.053, -12.9], orientation);

        Assert.Equal(-106.053 * 0.147809 + -12.9 * 0.989016, position!.Value, 5);
    }

    [Fact]
    public void PositionAlongNormal_NoOrientation_UsesZ()
    {
        Assert.Equal(42.5, SliceOrdering.PositionAlongNormal([1, 2, 42.5], null));
    }

    [Fact]
    public void PositionAlongNormal_NoPosition_IsNull()
    {
        Assert.Null(SliceOrdering.PositionAlongNormal(null, [1, 0, 0, 0, 1, 0]));
    }

    [Fact]
    public void Reindex_MixedKeys_OrdersByPositionThenInstanceNumberThenSop()
    {
        var slices = new[]
        {
            NewSlice("1.9", position: null, number: null),
            NewSlice("1.5", position: null, number: 2),
            NewSlice("1.4", position: null, number: 1),
            NewSlice("1.3", position: 10, number: 99),
            NewSlice("1.2", position: -5, number: 100),
            NewSlice("1.8", position: null, number: null),
        };

        var changed = SliceOrdering.Reindex(slices);

        Assert.True(changed);
        Assert.Equal(["1.2", "1.3", "1.4", "1.5", "1.8", "1.9"], slices.OrderBy(s => s.SliceIndex).Select(s => s.SopInstanceUid));
    }

    [Fact]
    public void Reindex_AlreadyNumbered_ReportsNoChange()
    {
        var slices = new[] { NewSlice("1.1", 1, null, index: 0), NewSlice("1.2", 2, null, index: 1) };

        Assert.False(SliceOrdering.Reindex(slices));
    }

    private static Slice NewSlice(string sop, double? position, int? number, int index = -1) => new()
    {
        SopInstanceUid = sop,
        Position = position,
        InstanceNumber = number,
        SliceIndex = index,
        StoreKey = new string('0', 64),
        TransferSyntaxUid = "1.2.840.10008.1.2.1",
    };
}
