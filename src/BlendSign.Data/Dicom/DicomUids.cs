namespace BlendSign.Data.Dicom;

/// <summary>New DICOM UIDs, for the files and reports BlendSign writes.</summary>
public static class DicomUids
{
    /// <summary>The SOP Class UID of CT Image Storage.</summary>
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>A fresh, globally unique DICOM UID under GDCM's root.</summary>
    public static string New()
    {
        using var generator = new gdcm.UIDGenerator();
        return generator.Generate();
    }
}
