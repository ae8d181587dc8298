namespace BlendSign.Data.Rendering;

/// <summary>A rendered view as served: the PNG and its strong HTTP entity tag (quoted).</summary>
public sealed record SliceImage(string ETag, byte[] Png);
