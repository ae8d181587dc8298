namespace BlendSign.Data.Import;

/// <summary>Adds the number of files a run will see, known ahead by its source, to each progress report (for a bar and an ETA).</summary>
public sealed class ExpectedFilesProgress(IProgress<ImportProgress> inner, int expected) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => inner.Report(value with { FilesExpected = expected > 0 ? expected : null });
}
