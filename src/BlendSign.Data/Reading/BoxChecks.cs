using BlendSign.Data.Labels;

namespace BlendSign.Data.Reading;

/// <summary>The rules a rater's box meets before it is saved (Labels' <see cref="BoxGeometry"/> knows no reading outcomes).</summary>
internal static class BoxChecks
{
    /// <summary>Why this box cannot stand on a slice of <paramref name="columns"/> × <paramref name="rows"/>; null when it can.</summary>
    public static ReadingOutcome? Check(this BoxGeometry box, int columns, int rows)
    {
        double[] values = [box.Left, box.Top, box.Right, box.Bottom, box.CenterX, box.CenterY];
        if (values.Any(v => !double.IsFinite(v)))
        {
            return ReadingOutcome.Refused(ReadingRefusal.BoxOutsideImage, "The box has a coordinate that is not a number.");
        }

        if (box.Left >= box.Right || box.Top >= box.Bottom)
        {
            return ReadingOutcome.Refused(ReadingRefusal.BoxInverted,
                $"A box needs left < right and top < bottom (got left {box.Left:0.#}, right {box.Right:0.#}, top {box.Top:0.#}, bottom {box.Bottom:0.#}).");
        }

        if (box.Left < 0 || box.Top < 0 || box.Right > columns || box.Bottom > rows)
        {
            return ReadingOutcome.Refused(ReadingRefusal.BoxOutsideImage,
                $"The box must lie inside the image (0–{columns} × 0–{rows} pixels).");
        }

        if (box.CenterX < box.Left || box.CenterX > box.Right || box.CenterY < box.Top || box.CenterY > box.Bottom)
        {
            return ReadingOutcome.Refused(ReadingRefusal.CenterOutsideBox, "The center point must lie inside its box.");
        }

        return null;
    }
}
