namespace BlendSign.Data.Rendering;

/// <summary>What a view will be rendered from, known before rendering so a matching ETag can answer 304.</summary>
public sealed record SliceImageSource(string StoreKey, WindowPreset Preset, string ETag);
