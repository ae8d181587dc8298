namespace BlendSign.Data.Rendering;

/// <summary>The PNG row filters the encoder can apply (PNG spec, filter method 0).</summary>
internal enum PngFilter : byte
{
    None = 0,
    Sub = 1,
    Up = 2,
}
