namespace BlendSign.Data.Demo;

// Largest in the middle, shrinking smoothly (an ellipsoid's profile) towards both ends.
public readonly record struct SliceRange(int First, int Last)
{
    public bool Contains(int slice) => slice >= First && slice <= Last;

    public int Length => Last - First + 1;

    /// <summary>Relative size (0..1] on a slice inside the range, 0 outside.</summary>
    public double SizeAt(int slice)
    {
        if (!Contains(slice))
        {
            return 0;
        }

        var middle = (First + Last) / 2.0;
        var halfLength = (Last - First) / 2.0 + 0.6;
        var offset = (slice - middle) / halfLength;
        return Math.Sqrt(1 - offset * offset);
    }
}
