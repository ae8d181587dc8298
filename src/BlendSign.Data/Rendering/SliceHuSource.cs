namespace BlendSign.Data.Rendering;

/// <summary>
/// What the browser needs besides the pixels to window a slice and measure on it. PixelSpacing is (row, column) in mm;
/// <see cref="Spacing"/> is the distance to the neighbouring slice's position (mm), null when unknown.
/// </summary>
public sealed record SliceHuSource(
    string StoreKey, int Rows, int Columns, double? PixelSpacingRow, double? PixelSpacingColumn, double? Position, double? Spacing, string ETag);
