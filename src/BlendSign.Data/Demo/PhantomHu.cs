namespace BlendSign.Data.Demo;

// Inclusive. Values are clamped into these ranges after noise, so every pixel of a tissue lies inside its range.
public static class PhantomHu
{
    public static (int Min, int Max) Air { get; } = (-1010, -990);
    public static (int Min, int Max) Scalp { get; } = (10, 60);
    public static (int Min, int Max) Skull { get; } = (700, 1500);
    public static (int Min, int Max) Parenchyma { get; } = (25, 40);
    public static (int Min, int Max) Ventricle { get; } = (0, 15);

    public static (int Min, int Max) Hemorrhage { get; } = (55, 85);

    /// <summary>Blend sign: the hyperdense region (about 75 HU).</summary>
    public static (int Min, int Max) BlendHyperdense { get; } = (68, 85);

    /// <summary>Blend sign: the hypodense region (about 45 HU); the gap to the hyperdense range keeps the margin sharp.</summary>
    public static (int Min, int Max) BlendHypodense { get; } = (35, 52);

    /// <summary>The least difference between the two regions' mean HU in a blend-sign hematoma.</summary>
    public const int BlendMinimumContrast = 18;
}
