namespace BlendSign.Data.Rendering;

/// <summary>HU at or below <c>Level − Width/2</c> shows as 0, at or above <c>Level + Width/2</c> as 255, linear in between.</summary>
public readonly record struct Window(double Level, double Width)
{
    public double Lower => Level - Width / 2;

    public double Upper => Level + Width / 2;

    // floor((HU − Lower) × 255 / Width + 0.5) clamped to [0, 255]. Every LUT is built from this one function, so this is
    // the rendering's exact definition (brain 40/80: HU 0 → 0, 40 → 128 (127.5 rounds up), 80 → 255).
    public byte ToByte(double hu)
    {
        if (hu <= Lower)
        {
            return 0;
        }

        if (hu >= Upper)
        {
            return 255;
        }

        var scaled = Math.Floor((hu - Lower) * 255.0 / Width + 0.5);
        return (byte)Math.Clamp(scaled, 0, 255);
    }
}
