namespace BlendSign.Data.Dicom;

/// <summary>Decodes one DICOM file into a de-identified header and HU pixels, or says why not. Never throws for bad input.</summary>
public interface IDicomDecoder
{
    ValueTask<DicomReadResult> ReadAsync(string path, CancellationToken cancellationToken);
}
