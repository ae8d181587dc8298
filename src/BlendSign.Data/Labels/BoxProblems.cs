
namespace BlendSign.Data.Labels;

/// <summary>What is wrong with a box from a file, in words that quote its numbers (a file has many boxes to tell apart).</summary>
internal static class BoxProblems
{
    /// <summary>Edges out of order or a center outside the box; null when the shape is sound.</summary>
    public static string? Shape(BoxGeometry box) =>
        box.Left >= box.Right ? $"left ({box.Left}) must be less than right ({box.Right})."
        : box.Top >= box.Bottom ? $"top ({box.Top}) must be less than bottom ({box.Bottom})."
        : box.CenterX < box.Left || box.CenterX > box.Right || box.CenterY < box.Top || box.CenterY > box.Bottom
            ? $"the center ({box.CenterX}, {box.CenterY}) lies outside the box."
            : null;

    /// <summary>An edge outside a slice of <paramref name="columns"/> × <paramref name="rows"/> pixels; null when the box fits.</summary>
    public static string? Bounds(BoxGeometry box, int columns, int rows) =>
        box.Left < 0 || box.Top < 0 || box.Right > columns || box.Bottom > rows
            ? $"the box ({box.Left}, {box.Top})–({box.Right}, {box.Bottom}) lies outside the {columns}×{rows} slice."
            : null;
}
