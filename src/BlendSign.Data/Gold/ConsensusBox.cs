namespace BlendSign.Data.Gold;

/// <summary>A box drawn by several raters: their centers and edges averaged; <see cref="Support"/> = how many raters drew it.</summary>
public sealed record ConsensusBox(double CenterX, double CenterY, double Left, double Top, double Right, double Bottom, int Support)
{
    public double Width => Math.Max(0, Right - Left);

    public double Height => Math.Max(0, Bottom - Top);
}
