namespace BlendSign.Data.Dicom;

public sealed record DicomSlice(DicomSliceHeader Header, HuSlice Pixels);
