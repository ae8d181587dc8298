using BlendSign.Data.Dicom;
using BlendSign.Data.Import;
using BlendSign.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Data.Tests.Support;

/// <summary>A real importer over a real migrated SQLite database and slice store in a scratch folder.</summary>
internal sealed class ImportHarness : IDisposable
{
    public ImportHarness()
    {
        Store = new SliceStore(Database.Paths);
        Importer = new DicomImporter(Database, new DicomSliceReader(), Store, TimeProvider.System, NullLogger<DicomImporter>.Instance);
    }

    public TestDatabase Database { get; } = new();
    public SliceStore Store { get; }
    public DicomImporter Importer { get; }

    public Task<ImportReport> ImportAsync(params string[] paths) => ImportAsync(assumeCt: false, paths);

    public Task<ImportReport> ImportAsync(bool assumeCt, params string[] paths) => ImportAsync(new ImportSettings(assumeCt), paths);

    public Task<ImportReport> ImportAsync(ImportSettings settings, params string[] paths) =>
        Importer.ImportAsync(paths, settings, progress: null, CancellationToken.None);

    public int StoreFileCount() =>
        Directory.EnumerateFiles(Database.Paths.SliceStore, "*", SearchOption.AllDirectories).Count();

    public async Task<(int Scans, int Slices)> CountRowsAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.Scans.CountAsync(), await db.Slices.CountAsync());
    }

    public async Task<HuSlice> LoadAsync(string sopInstanceUid)
    {
        await using var db = Database.CreateDbContext();
        var key = await db.Slices.Where(s => s.SopInstanceUid == sopInstanceUid).Select(s => s.StoreKey).SingleAsync();
        return Store.Load(key);
    }

    public void Dispose() => Database.Dispose();
}
