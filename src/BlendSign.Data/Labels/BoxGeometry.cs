namespace BlendSign.Data.Labels;

/// <summary>A box and its center in pixels of the original slice (x to the right, y down).</summary>
public sealed record BoxGeometry(double Left, double Top, double Right, double Bottom, double CenterX, double CenterY)
{
    public static BoxGeometry Centered(double left, double top, double right, double bottom) =>
        new(left, top, right, bottom, (left + right) / 2, (top + bottom) / 2);
}
