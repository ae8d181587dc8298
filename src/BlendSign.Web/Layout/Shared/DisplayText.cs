namespace BlendSign.Web.Layout.Shared;

/// <summary>Text from files shown in tables: cut with an ellipsis at a length, whole in the cell's title.</summary>
public static class DisplayText
{
    public static string? Cut(string? text, int length) =>
        text is null || text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
