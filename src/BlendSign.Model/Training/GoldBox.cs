namespace BlendSign.Model.Training;

/// <summary>
/// A gold (consensus) hemorrhage box in the original slice's pixels, with that slice's size: the network sees the
/// whole slice resized to S×S, so the box maps onto the input by <see cref="Normalized"/>.
/// </summary>
public sealed record GoldBox(double Left, double Top, double Right, double Bottom, int SliceWidth, int SliceHeight)
{
    /// <summary>The box as fractions of the slice's width and height (0 = left/top edge, 1 = right/bottom edge).</summary>
    public UnitBox Normalized() => new(Left / SliceWidth, Top / SliceHeight, Right / SliceWidth, Bottom / SliceHeight);
}

/// <summary>A box in unit coordinates of the network input (x right, y down, both 0–1).</summary>
public readonly record struct UnitBox(double Left, double Top, double Right, double Bottom)
{
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Top + Bottom) / 2;
    public double Width => Right - Left;
    public double Height => Bottom - Top;
}
