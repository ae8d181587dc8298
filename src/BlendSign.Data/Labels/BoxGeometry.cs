namespace BlendSign.Data.Labels;

/// <summary>A box and its center in pixels of the original slice; what the boxes CSV and the audit trail carry.</summary>
public sealed record BoxGeometry(double CenterX, double CenterY, double Left, double Top, double Right, double Bottom)
{
    public static BoxGeometry Of(HemorrhageBox box) => new(box.CenterX, box.CenterY, box.Left, box.Top, box.Right, box.Bottom);

    /// <summary>What is wrong with the box's shape (edges out of order, center outside), or null.</summary>
    public string? ShapeProblem() =>
        Left >= Right ? $"left ({Left}) must be less than right ({Right})."
        : Top >= Bottom ? $"top ({Top}) must be less than bottom ({Bottom})."
        : CenterX < Left || CenterX > Right || CenterY < Top || CenterY > Bottom
            ? $"the center ({CenterX}, {CenterY}) lies outside the box."
            : null;

    /// <summary>What is wrong with the box on a slice of <paramref name="columns"/> × <paramref name="rows"/> pixels, or null.</summary>
    public string? BoundsProblem(int columns, int rows) =>
        Left < 0 || Top < 0 || Right > columns || Bottom > rows
            ? $"the box ({Left}, {Top})–({Right}, {Bottom}) lies outside the {columns}×{rows} slice."
            : null;

    public void CopyTo(HemorrhageBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        (box.CenterX, box.CenterY, box.Left, box.Top, box.Right, box.Bottom) = (CenterX, CenterY, Left, Top, Right, Bottom);
    }
}
