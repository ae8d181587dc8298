namespace BlendSign.Data.Rendering;

/// <summary>A slice's stored values as gzip of little-endian int16, row-major; HU = stored × Slope + Intercept exactly.</summary>
public sealed record SliceHu(byte[] Gzip, double Slope, double Intercept);
