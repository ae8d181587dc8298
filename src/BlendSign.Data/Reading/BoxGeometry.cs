namespace BlendSign.Data.Reading;

/// <summary>A box and its center in pixels of the original slice (x to the right, y down).</summary>
public sealed record BoxGeometry(double Left, double Top, double Right, double Bottom, double CenterX, double CenterY)
{
    /// <summary>A box with its center in the middle.</summary>
    public static BoxGeometry Centered(double left, double top, double right, double bottom) =>
        new(left, top, right, bottom, (left + right) / 2, (top + bottom) / 2);

    /// <summary>Why this box cannot stand on a slice of <paramref name="columns"/> × <paramref name="rows"/>; null when it can.</summary>
    public ReadingOutcome? Check(int columns, int rows)
    {
        double[] values = [Left, Top, Right, Bottom, CenterX, CenterY];
        if (values.Any(v => !double.IsFinite(v)))
        {
            return ReadingOutcome.Refused(ReadingRefusal.BoxOutsideImage, "The box has a coordinate that is not a number.");
        }

        if (Left >= Right || Top >= Bottom)
        {
            return ReadingOutcome.Refused(ReadingRefusal.BoxInverted,
                $"A box needs left < right and top < bottom (got left {Left:0.#}, right {Right:0.#}, top {Top:0.#}, bottom {Bottom:0.#}).");
        }

        if (Left < 0 || Top < 0 || Right > columns || Bottom > rows)
        {
            return ReadingOutcome.Refused(ReadingRefusal.BoxOutsideImage,
                $"The box must lie inside the image (0–{columns} × 0–{rows} pixels).");
        }

        if (CenterX < Left || CenterX > Right || CenterY < Top || CenterY > Bottom)
        {
            return ReadingOutcome.Refused(ReadingRefusal.CenterOutsideBox, "The center point must lie inside its box.");
        }

        return null;
    }
}
