namespace BlendSign.Data.Import.DicomWeb;

/// <summary>
/// The PACS could not be used: it refused the credentials, could not be reached, timed out or answered with
/// something that is not DICOMweb. <see cref="Exception.Message"/> is written for a lead and names no patient.
/// </summary>
public sealed class DicomWebException(DicomWebFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public DicomWebFailure Failure { get; } = failure;

    /// <summary>Refusals hold for every later request too; the other failures may be passing.</summary>
    public bool IsRefusal => Failure is DicomWebFailure.Unauthorized or DicomWebFailure.Forbidden;
}
