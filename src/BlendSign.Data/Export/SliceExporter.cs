using BlendSign.Data.Dicom;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Export;

public sealed class SliceExporter(IDbContextFactory<BlendSignDbContext> dbFactory, SliceStore store)
{
    public async Task<HuSlice?> FindAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.Slices.Where(s => s.SopInstanceUid == sopInstanceUid)
            .Select(s => s.StoreKey)
            .FirstOrDefaultAsync(cancellationToken);
        return key is null ? null : store.Load(key);
    }

    public async Task<NpyDataType?> ExportNpyAsync(string sopInstanceUid, Stream output, CancellationToken cancellationToken)
    {
        var slice = await FindAsync(sopInstanceUid, cancellationToken);
        return slice is null ? null : NpyWriter.Write(slice, output);
    }
}
