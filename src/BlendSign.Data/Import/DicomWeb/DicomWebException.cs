namespace BlendSign.Data.Import.DicomWeb;

// The message is written for a lead and names no patient.
public sealed class DicomWebException(DicomWebFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public DicomWebFailure Failure { get; } = failure;

    /// <summary>Refusals hold for every later request too; the other failures may be passing.</summary>
    public bool IsRefusal => Failure is DicomWebFailure.Unauthorized or DicomWebFailure.Forbidden;
}
