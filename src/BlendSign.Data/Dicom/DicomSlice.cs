namespace BlendSign.Data.Dicom;

/// <summary>A decoded slice: its header and its pixels with the modality rescale.</summary>
public sealed record DicomSlice(DicomSliceHeader Header, HuSlice Pixels);
