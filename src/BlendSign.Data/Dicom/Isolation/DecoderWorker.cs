namespace BlendSign.Data.Dicom.Isolation;

// A codec that aborts takes only this process down; the parent gives that file its verdict. The parent sends only
// files that passed its managed checks, so they are not run again here.
public static class DecoderWorker
{
    public static async Task<int> RunAsync(TextReader requests, Stream answers, CancellationToken cancellationToken)
    {
        var reader = new DicomSliceReader();
        answers.Write(DecoderProtocol.Greeting);
        answers.Flush();
        while (await requests.ReadLineAsync(cancellationToken) is { } line)
        {
            var path = DecoderProtocol.ReadRequest(line);
            DicomReadResult result;
            try
            {
                result = path is null ? DicomReadResult.Rejected("file could not be read") : reader.ReadPrechecked(path);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                result = DicomReadResult.Rejected($"file could not be decoded ({exception.GetType().Name})");
            }

            DecoderProtocol.WriteAnswer(answers, result);
        }

        return 0;
    }
}
