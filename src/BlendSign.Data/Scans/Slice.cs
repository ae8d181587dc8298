namespace BlendSign.Data.Scans;

/// <summary>One CT slice; its HU pixels live in the content-addressed slice store under <see cref="StoreKey"/>.</summary>
public class Slice
{
    public int Id { get; set; }
    public int ScanId { get; set; }
    public Scan Scan { get; set; } = null!;

    public required string SopInstanceUid { get; set; }

    /// <summary>0-based position within the scan after ordering by image position (instance number as fallback).</summary>
    public int SliceIndex { get; set; }

    public int? InstanceNumber { get; set; }

    /// <summary>Position along the slice normal (mm), from Image Position (Patient); null when absent.</summary>
    public double? Position { get; set; }

    public int Rows { get; set; }
    public int Columns { get; set; }
    public double? PixelSpacingRow { get; set; }
    public double? PixelSpacingColumn { get; set; }

    public required string StoreKey { get; set; }

    public required string TransferSyntaxUid { get; set; }
}
