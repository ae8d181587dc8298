namespace BlendSign.Data.Gold;

/// <summary>One rater's box on a slice, in pixels of the original slice.</summary>
public sealed record RaterBox(string Rater, double CenterX, double CenterY, double Left, double Top, double Right, double Bottom)
{
    public double Width => Math.Max(0, Right - Left);

    public double Height => Math.Max(0, Bottom - Top);

    public double Area => Width * Height;
}
