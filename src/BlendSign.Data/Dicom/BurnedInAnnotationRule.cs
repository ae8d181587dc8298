namespace BlendSign.Data.Dicom;

/// <summary>
/// Whether a slice's pixels may show patient data (PS3.15 Annex E: burned-in text is not removed by header
/// de-identification): the file says BurnedInAnnotation YES, or it is a secondary capture or derived image that does not
/// say NO. Such a file is imported only when the lead accepts it for that import.
/// </summary>
public static class BurnedInAnnotationRule
{
    private const string SecondaryCaptureClassPrefix = "1.2.840.10008.5.1.4.1.1.7";

    public static bool IsCaptureOrDerived(string? sopClassUid, string? imageType) =>
        (sopClassUid?.StartsWith(SecondaryCaptureClassPrefix, StringComparison.Ordinal) ?? false)
        || (imageType?.Split('\\').Any(v => v.Trim().Equals("DERIVED", StringComparison.OrdinalIgnoreCase)) ?? false);

    /// <summary>The reason to refuse the slice, or null when its pixels are taken to be free of burned-in text.</summary>
    public static string? RefusalFor(DicomSliceHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.BurnedInAnnotation == "YES")
        {
            return "burned-in annotation: the file says BurnedInAnnotation (0028,0301) YES, so its pixels may show patient data";
        }

        return header.IsCaptureOrDerived && header.BurnedInAnnotation != "NO"
            ? "possible burned-in annotation: a secondary capture or derived image that does not say BurnedInAnnotation (0028,0301) NO"
            : null;
    }
}
