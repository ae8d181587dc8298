namespace BlendSign.Web.Features.Gold;

/// <summary>Each rater's colour and key letter, by position in the slice's reads (raters ordered by name).</summary>
public static class RaterColors
{
    private static readonly string[] Palette = ["#ef5350", "#66bb6a", "#42a5f5", "#ffca28", "#ab47bc", "#26c6da"];

    public static string Of(int raterIndex) => Palette[raterIndex % Palette.Length];

    /// <summary>a, b, c, …: the key that shows or hides the rater's boxes in the adjudication view.</summary>
    public static char KeyOf(int raterIndex) => (char)('a' + raterIndex % 26);
}
