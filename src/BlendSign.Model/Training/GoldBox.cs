namespace BlendSign.Model.Training;

// In the original slice's pixels, with that slice's size: the network sees the whole slice resized to S×S.
public sealed record GoldBox(double Left, double Top, double Right, double Bottom, int SliceWidth, int SliceHeight)
{
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
