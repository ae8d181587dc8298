namespace BlendSign.Data.Demo;

/// <summary>A pixel rectangle, <c>Left ≤ x &lt; Right</c>, <c>Top ≤ y &lt; Bottom</c>.</summary>
internal readonly record struct PixelRect(int Left, int Top, int Right, int Bottom)
{
    public PixelRect ClipTo(int size) =>
        new(Math.Max(0, Left), Math.Max(0, Top), Math.Min(size, Right), Math.Min(size, Bottom));

    public static PixelRect Around(double minX, double minY, double maxX, double maxY, int margin) =>
        new((int)Math.Floor(minX) - margin, (int)Math.Floor(minY) - margin,
            (int)Math.Ceiling(maxX) + 1 + margin, (int)Math.Ceiling(maxY) + 1 + margin);
}
