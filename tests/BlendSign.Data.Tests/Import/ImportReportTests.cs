using BlendSign.Data.Import;

namespace BlendSign.Data.Tests.Import;

public sealed class ImportReportTests
{
    [Theory]
    [InlineData(1, 0, 1, 0, 1, 8, "1 file: 0 imported, 1 duplicate, 0 rejected; 1 scan with 8 slices.")]
    [InlineData(123, 120, 0, 3, 1, 120, "123 files: 120 imported, 0 duplicates, 3 rejected; 1 scan with 120 slices.")]
    [InlineData(2, 1, 1, 0, 2, 1, "2 files: 1 imported, 1 duplicate, 0 rejected; 2 scans with 1 slice.")]
    public void Summary_Counts_SingularAndPluralNouns(int files, int imported, int duplicates, int rejected, int scans, int slices, string expected) =>
        Assert.Equal(expected, new ImportReport(files, imported, duplicates, rejected, scans, slices, []).Summary);
}
