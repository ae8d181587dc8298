using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using BlendSign.Data.Persistence;
using BlendSign.Data.Reading;
using BlendSign.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Rendering;

/// <summary>The stored HU of one slice for the browser's viewer, behind the same access check as the rendered image.</summary>
public sealed class SliceHuService(IDbContextFactory<BlendSignDbContext> dbFactory, SliceStore store)
{
    /// <summary>Part of every ETag: bump it when the wire format changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Null for an unknown slice and for one the reader may not open alike.</summary>
    public async Task<SliceHuSource?> FindAsync(string sopInstanceUid, Reader reader, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slice = await db.Slices.AsNoTracking()
            .Where(s => s.SopInstanceUid == sopInstanceUid)
            .VisibleTo(db, reader)
            .Select(s => new
            {
                s.StoreKey, s.Rows, s.Columns, s.PixelSpacingRow, s.PixelSpacingColumn, s.Position,
                Neighbour = db.Slices.Where(n => n.ScanId == s.ScanId && (n.SliceIndex == s.SliceIndex + 1 || n.SliceIndex == s.SliceIndex - 1))
                    .OrderByDescending(n => n.SliceIndex)
                    .Select(n => n.Position)
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (slice is null)
        {
            return null;
        }

        double? spacing = slice.Position is { } here && slice.Neighbour is { } there ? Math.Round(Math.Abs(here - there), 4) : null;
        var identity = Encoding.UTF8.GetBytes(FormattableString.Invariant(
            $"{slice.StoreKey}|{slice.PixelSpacingRow:R}|{slice.PixelSpacingColumn:R}|{slice.Position:R}|{spacing:R}|hu{FormatVersion}"));
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(identity).AsSpan(0, 16)) + "\"";
        return new SliceHuSource(slice.StoreKey, slice.Rows, slice.Columns, slice.PixelSpacingRow, slice.PixelSpacingColumn, slice.Position, spacing, etag);
    }

    // The fastest level: a 512×512 slice is 512 KiB raw and about a third of that compressed, in a few milliseconds.
    public SliceHu Load(SliceHuSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var slice = store.Load(source.StoreKey);
        using var output = new MemoryStream(slice.Stored.Length);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(BitConverter.IsLittleEndian
                ? MemoryMarshal.AsBytes(slice.Stored.AsSpan())
                : throw new PlatformNotSupportedException("The HU wire format is little-endian."));
        }

        return new SliceHu(output.ToArray(), slice.Slope, slice.Intercept);
    }
}
