namespace BlendSign.Web.Layout.Shared;

/// <summary>
/// The part of a long queue that a page lists: at most <see cref="Size"/> items around the selected one, so a queue
/// of thousands of slices is not rendered (and sent over the circuit) whole. Keys and clicks move the selection; the
/// window follows it.
/// </summary>
public readonly record struct ListWindow(int Start, int End, int Total)
{
    public const int Size = 100;

    public static ListWindow Around(int selected, int total)
    {
        var start = Math.Clamp(selected - (Size / 2), 0, Math.Max(0, total - Size));
        return new ListWindow(start, Math.Min(total, start + Size), total);
    }

    public int Before => Start;

    public int After => Total - End;
}
