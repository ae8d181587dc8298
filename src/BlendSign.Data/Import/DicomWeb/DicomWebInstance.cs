namespace BlendSign.Data.Import.DicomWeb;

/// <summary>One instance of a series and the WADO-RS address its bytes are retrieved from.</summary>
public sealed record DicomWebInstance(string SopInstanceUid, int? InstanceNumber, Uri RetrieveUrl);
