using BlendSign.Data.Import;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Tests.Import;

public class DicomImporterCancellationTests
{
    [SkippableFact]
    public async Task ImportAsync_CancelledMidway_KeepsOnlyCommittedSlicesAndTheirStoreFiles()
    {
        var series = SharedData.RequireFolder(RealData.Cq500Series);
        using var harness = new ImportHarness();
        using var cancel = new CancellationTokenSource();
        // Cancels once the first batch is committed and part of the second is stored but not committed.
        var progress = new InlineProgress(p =>
        {
            if (p.FilesSeen >= DicomImporter.BatchSize + 20)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Importer.ImportAsync([series], new ImportSettings(), progress, cancel.Token));

        await using var db = harness.Database.CreateDbContext();
        var keys = await db.Slices.Select(s => s.StoreKey).Distinct().CountAsync();
        Assert.Equal(DicomImporter.BatchSize, await db.Slices.CountAsync());
        Assert.Equal(keys, harness.StoreFileCount());
        var indexes = await db.Slices.OrderBy(s => s.SliceIndex).Select(s => s.SliceIndex).ToListAsync();
        Assert.Equal(Enumerable.Range(0, DicomImporter.BatchSize), indexes);
    }

    /// <summary>Reports on the importer's own thread, so the test decides exactly when to cancel.</summary>
    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
