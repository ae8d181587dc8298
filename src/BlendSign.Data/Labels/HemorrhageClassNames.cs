using System.Diagnostics.CodeAnalysis;

namespace BlendSign.Data.Labels;

/// <summary>The wire names of <see cref="HemorrhageClass"/> (CSV, JSON, command line).</summary>
public static class HemorrhageClassNames
{
    public const string NonIch = "non_ich";
    public const string NormalIch = "normal_ich";
    public const string BlendSign = "blend_sign";

    public static IReadOnlyList<HemorrhageClass> All { get; } =
        [HemorrhageClass.NonIch, HemorrhageClass.NormalIch, HemorrhageClass.BlendSign];

    public static string ToWireName(this HemorrhageClass value) => value switch
    {
        HemorrhageClass.NonIch => NonIch,
        HemorrhageClass.NormalIch => NormalIch,
        HemorrhageClass.BlendSign => BlendSign,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown hemorrhage class."),
    };

    /// <summary>What a reader sees: the study's words for the class, not the wire name.</summary>
    public static string ToDisplayName(this HemorrhageClass value) => value switch
    {
        HemorrhageClass.NonIch => "No hemorrhage",
        HemorrhageClass.NormalIch => "Normal ICH",
        HemorrhageClass.BlendSign => "Blend sign",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown hemorrhage class."),
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out HemorrhageClass? value)
    {
        value = text?.Trim().ToLowerInvariant() switch
        {
            NonIch => HemorrhageClass.NonIch,
            NormalIch => HemorrhageClass.NormalIch,
            BlendSign => HemorrhageClass.BlendSign,
            _ => null,
        };
        return value is not null;
    }
}
