namespace BlendSign.Data.Import.DicomWeb;

public sealed record DicomWebInstance(string SopInstanceUid, int? InstanceNumber, Uri RetrieveUrl);
