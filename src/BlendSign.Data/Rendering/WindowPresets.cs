using System.Diagnostics.CodeAnalysis;

namespace BlendSign.Data.Rendering;

public static class WindowPresets
{
    /// <summary>The study's three-window input: red 40/40, green 50/100, blue 60/40.</summary>
    public static WindowPreset Rgb3 { get; } = new("rgb3", new Window(40, 40), new Window(50, 100), new Window(60, 40));

    public static WindowPreset Brain { get; } = new("brain", new Window(40, 80));

    public static WindowPreset Subdural { get; } = new("subdural", new Window(75, 215));

    public static WindowPreset Bone { get; } = new("bone", new Window(600, 2800));

    public static WindowPreset Default => Rgb3;

    public static IReadOnlyList<WindowPreset> All { get; } = [Rgb3, Brain, Subdural, Bone];

    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    public static bool TryGet(string? name, [NotNullWhen(true)] out WindowPreset? preset)
    {
        preset = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return preset is not null;
    }
}
