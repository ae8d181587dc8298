namespace BlendSign.Data.Dicom;

internal static class DicomTags
{
    public static readonly (ushort Group, ushort Element) ImageType = (0x0008, 0x0008);
    public static readonly (ushort Group, ushort Element) SopClassUid = (0x0008, 0x0016);
    public static readonly (ushort Group, ushort Element) SopInstanceUid = (0x0008, 0x0018);
    public static readonly (ushort Group, ushort Element) StudyDate = (0x0008, 0x0020);
    public static readonly (ushort Group, ushort Element) SeriesDate = (0x0008, 0x0021);
    public static readonly (ushort Group, ushort Element) Modality = (0x0008, 0x0060);
    public static readonly (ushort Group, ushort Element) SeriesDescription = (0x0008, 0x103E);
    public static readonly (ushort Group, ushort Element) PatientBirthDate = (0x0010, 0x0030);
    public static readonly (ushort Group, ushort Element) PatientAge = (0x0010, 0x1010);
    public static readonly (ushort Group, ushort Element) StudyInstanceUid = (0x0020, 0x000D);
    public static readonly (ushort Group, ushort Element) SeriesInstanceUid = (0x0020, 0x000E);
    public static readonly (ushort Group, ushort Element) InstanceNumber = (0x0020, 0x0013);
    public static readonly (ushort Group, ushort Element) ImagePositionPatient = (0x0020, 0x0032);
    public static readonly (ushort Group, ushort Element) ImageOrientationPatient = (0x0020, 0x0037);
    public static readonly (ushort Group, ushort Element) PixelSpacing = (0x0028, 0x0030);
    public static readonly (ushort Group, ushort Element) BurnedInAnnotation = (0x0028, 0x0301);
    public static readonly (ushort Group, ushort Element) PixelData = (0x7FE0, 0x0010);
}
