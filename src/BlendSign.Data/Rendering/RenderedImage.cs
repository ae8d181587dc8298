namespace BlendSign.Data.Rendering;

/// <summary>Display pixels, row-major; <see cref="Channels"/> is 1 (gray) or 3 (interleaved R, G, B).</summary>
public sealed record RenderedImage(int Width, int Height, int Channels, byte[] Pixels);
