using BlendSign.Data.Dicom;
using BlendSign.Data.Persistence;
using BlendSign.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Export;

/// <summary>Finds an imported slice's HU pixels by SOP Instance UID, for exports and rendering.</summary>
public sealed class SliceExporter(IDbContextFactory<BlendSignDbContext> dbFactory, SliceStore store)
{
    /// <summary>The slice's HU pixels at their original size, or null when no slice has this SOP Instance UID.</summary>
    public async Task<HuSlice?> FindAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.Slices.Where(s => s.SopInstanceUid == sopInstanceUid)
            .Select(s => s.StoreKey)
            .FirstOrDefaultAsync(cancellationToken);
        return key is null ? null : store.Load(key);
    }

    /// <summary>Writes the slice as <c>.npy</c> (see <see cref="NpyWriter"/>); null when the SOP Instance UID is unknown.</summary>
    public async Task<NpyDataType?> ExportNpyAsync(string sopInstanceUid, Stream output, CancellationToken cancellationToken)
    {
        var slice = await FindAsync(sopInstanceUid, cancellationToken);
        return slice is null ? null : NpyWriter.Write(slice, output);
    }
}
