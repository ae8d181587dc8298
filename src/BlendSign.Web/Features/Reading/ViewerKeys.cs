using BlendSign.Data.Labels;

namespace BlendSign.Web.Features.Reading;

/// <summary>The viewer's keys: one table drives both the key handling and the legend on the page.</summary>
public static class ViewerKeys
{
    public static IReadOnlyList<ClassKey> Classes { get; } =
    [
        new("1", HemorrhageClass.NonIch, HemorrhageClass.NonIch.ToDisplayName()),
        new("2", HemorrhageClass.NormalIch, HemorrhageClass.NormalIch.ToDisplayName()),
        new("3", HemorrhageClass.BlendSign, HemorrhageClass.BlendSign.ToDisplayName()),
    ];

    /// <summary>Window presets of the image route, by key; rgb3 (the study's three windows as RGB) is the default.</summary>
    public static IReadOnlyList<WindowKey> Windows { get; } =
    [
        new("r", "rgb3", "RGB (study)"),
        new("b", "brain", "Brain"),
        new("s", "subdural", "Subdural"),
        new("o", "bone", "Bone"),
    ];

    /// <summary>What the left button does; a tool's key again goes back to <see cref="DefaultTool"/> (boxes).</summary>
    public static IReadOnlyList<ToolKey> Tools { get; } =
    [
        new("a", "box", "Box"),
        new("h", "pan", "Pan"),
        new("w", "wl", "Window"),
        new("e", "ellipse", "Ellipse ROI"),
        new("q", "rect", "Rectangle ROI"),
        new("f", "freehand", "Freehand ROI"),
        new("l", "length", "Length"),
    ];

    public const string DefaultTool = "box";

    public static IReadOnlyList<(string[] Keys, string Action)> Legend { get; } =
    [
        (["1", "2", "3"], "label no hemorrhage / normal ICH / blend sign and go to the next slice"),
        (["↑", "↓", "←", "→", "wheel"], "previous / next slice"),
        (["Home", "End"], "first / last slice"),
        ([.. Windows.Select(w => w.Key.ToUpperInvariant())], string.Join(" / ", Windows.Select(w => w.Title)) + " window"),
        (["right drag"], "window: right/left wider/narrower, down/up higher/lower level (or type W and L)"),
        (["+", "−", "0", "Ctrl+wheel"], "zoom in / out / fit (about the cursor with the wheel)"),
        (["P", "I"], "1:1 pixel-true / smooth or nearest interpolation"),
        ([.. Tools.Select(t => t.Key.ToUpperInvariant())], "tool: " + string.Join(" / ", Tools.Select(t => t.Title)) + " (its key again: Box)"),
        (["Shift+drag", "middle drag"], "pan"),
        (["drag"], "with Box: draw a box; drag a box, a corner or its center to move, resize or place the center"),
        (["X", "M"], "clear this slice's measurements / attach the blend-sign helper (last two ROIs) to your read"),
        (["C"], "cine: play / stop"),
        (["Delete", "Esc"], "delete / deselect the selected box"),
        (["Ctrl+Z", "U"], "undo the last change"),
    ];

    public sealed record ClassKey(string Key, HemorrhageClass Class, string Title)
    {
        public string WireName => Class.ToWireName();
    }

    public sealed record WindowKey(string Key, string Name, string Title);

    public sealed record ToolKey(string Key, string Name, string Title);
}
