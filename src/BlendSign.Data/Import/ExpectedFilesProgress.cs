namespace BlendSign.Data.Import;

public sealed class ExpectedFilesProgress(IProgress<ImportProgress> inner, int expected) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => inner.Report(value with { FilesExpected = expected > 0 ? expected : null });
}
