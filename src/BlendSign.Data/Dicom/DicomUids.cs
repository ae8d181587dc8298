namespace BlendSign.Data.Dicom;

public static class DicomUids
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>A fresh, globally unique DICOM UID under GDCM's root.</summary>
    public static string New()
    {
        using var generator = new gdcm.UIDGenerator();
        return generator.Generate();
    }
}
