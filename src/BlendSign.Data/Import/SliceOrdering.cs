using BlendSign.Data.Scans;

namespace BlendSign.Data.Import;

// Position along the slice normal, then instance number, then SOP Instance UID: total, and the same on every import.
internal static class SliceOrdering
{
    // Projected on the normal of Image Orientation (Patient), which also orders tilted-gantry series; z without one.
    public static double? PositionAlongNormal(double[]? position, double[]? orientation)
    {
        if (position is not { Length: 3 })
        {
            return null;
        }

        if (orientation is not { Length: 6 })
        {
            return position[2];
        }

        var normalX = orientation[1] * orientation[5] - orientation[2] * orientation[4];
        var normalY = orientation[2] * orientation[3] - orientation[0] * orientation[5];
        var normalZ = orientation[0] * orientation[4] - orientation[1] * orientation[3];
        var length = Math.Sqrt(normalX * normalX + normalY * normalY + normalZ * normalZ);
        if (length < 1e-6)
        {
            return position[2];
        }

        return (position[0] * normalX + position[1] * normalY + position[2] * normalZ) / length;
    }

    public static IComparer<Slice> Comparer { get; } = Comparer<Slice>.Create(Compare);

    public static bool Reindex(IEnumerable<Slice> slices)
    {
        var ordered = slices.ToList();
        ordered.Sort(Comparer);
        var changed = false;
        for (var i = 0; i < ordered.Count; i++)
        {
            changed |= ordered[i].SliceIndex != i;
            ordered[i].SliceIndex = i;
        }

        return changed;
    }

    private static int Compare(Slice? left, Slice? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null || right is null)
        {
            return left is null ? -1 : 1;
        }

        // Slices without a position or number sort after those with one.
        var byPosition = CompareNullable(left.Position, right.Position);
        if (byPosition != 0)
        {
            return byPosition;
        }

        var byNumber = CompareNullable(left.InstanceNumber, right.InstanceNumber);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(left.SopInstanceUid, right.SopInstanceUid);
    }

    private static int CompareNullable<T>(T? left, T? right) where T : struct, IComparable<T> =>
        (left, right) switch
        {
            ({ } l, { } r) => l.CompareTo(r),
            (null, null) => 0,
            (null, _) => 1,
            _ => -1,
        };
}
