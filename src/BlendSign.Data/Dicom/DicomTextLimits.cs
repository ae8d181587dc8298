namespace BlendSign.Data.Dicom;

/// <summary>DICOM's own length limits for the text BlendSign keeps (PS3.5 table 6.2-1), so no file stores or shows more.</summary>
public static class DicomTextLimits
{
    /// <summary>LO, as SeriesDescription.</summary>
    public const int LongString = 64;

    /// <summary>The value cut to <paramref name="limit"/> characters; a cut is added to <paramref name="cuts"/> in words.</summary>
    public static string? Cut(string field, string? value, int limit, ICollection<string> cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        if (value is null || value.Length <= limit)
        {
            return value;
        }

        cuts.Add($"{field} cut from {value.Length} to {limit} characters");
        return value[..limit];
    }
}
