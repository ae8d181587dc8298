using BlendSign.Data.Dicom;
using BlendSign.Data.Storage;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Import;

/// <summary>The CPU half of an import, run on several tasks at once: touches neither the database nor the store.</summary>
internal sealed class ImportDecoder(IDicomDecoder reader, ImportSettings settings, ILogger logger)
{
    public const string ComputedTomography = "CT";

    public async Task<DecodeOutcome> DecodeAsync(ImportCandidate candidate, CancellationToken cancellationToken)
    {
        if (candidate.Rejection is not null || candidate.LocalPath is null)
        {
            return DecodeOutcome.Rejected(candidate, candidate.Rejection ?? "file could not be read");
        }

        DicomReadResult result;
        try
        {
            result = await reader.ReadAsync(candidate.LocalPath, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Bad input must not end the run; the path stays out of the log (it may name the patient).
            logger.LogWarning("File #{Sequence} could not be decoded: {Error}", candidate.Sequence, exception.GetType().Name);
            return DecodeOutcome.Rejected(candidate, $"file could not be decoded ({exception.GetType().Name})");
        }
        finally
        {
            if (candidate.IsScratch)
            {
                File.Delete(candidate.LocalPath);
            }
        }

        if (result.Slice is not { } slice)
        {
            return DecodeOutcome.Rejected(candidate, result.RejectionReason ?? "file could not be decoded");
        }

        if (slice.Header.Modality != ComputedTomography && !settings.AssumeCt)
        {
            var modality = slice.Header.Modality.Length == 0 ? "no modality given" : $"modality {slice.Header.Modality}";
            return DecodeOutcome.Rejected(candidate,
                $"not CT ({modality}); --assume-ct vouches for grayscale slices of another modality that hold CT values");
        }

        if (!settings.AcceptBurnedInAnnotation && BurnedInAnnotationRule.RefusalFor(slice.Header) is { } burnedIn)
        {
            return DecodeOutcome.Rejected(candidate, $"{burnedIn}; a lead may accept such files for one import (--accept-burned-in)");
        }

        return new DecodeOutcome(candidate.Sequence, candidate.File, slice.Header, SliceStore.Encode(slice.Pixels), null);
    }
}
