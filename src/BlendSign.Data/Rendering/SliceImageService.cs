using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using BlendSign.Data.Persistence;
using BlendSign.Data.Reading;
using BlendSign.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Rendering;

public sealed class SliceImageService(
    IDbContextFactory<BlendSignDbContext> dbFactory,
    SliceStore store,
    SliceRenderer renderer,
    RenderedImageCache cache,
    ILogger<SliceImageService> logger)
{
    /// <summary>Part of every ETag: bump it when rendering changes, so browsers drop old views.</summary>
    public const int RenderVersion = 1;

    /// <summary>Null for an unknown slice and for one the reader may not open alike, so a refusal reveals nothing.</summary>
    public async Task<SliceImageSource?> FindAsync(
        string sopInstanceUid, WindowPreset preset, Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preset);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var storeKey = await db.Slices.AsNoTracking()
            .Where(s => s.SopInstanceUid == sopInstanceUid)
            .VisibleTo(db, reader)
            .Select(s => s.StoreKey)
            .FirstOrDefaultAsync(cancellationToken);
        return storeKey is null ? null : new SliceImageSource(storeKey, preset, ComputeETag(storeKey, preset));
    }

    public SliceImage Render(SliceImageSource source) =>
        cache.GetOrAdd(source.ETag, etag =>
        {
            var started = Stopwatch.GetTimestamp();
            var png = renderer.RenderPng(store.Load(source.StoreKey), source.Preset);
            logger.LogDebug("Rendered slice {StoreKey} as {Preset} ({Bytes} bytes) in {Milliseconds:F1} ms",
                source.StoreKey[..12], source.Preset.Name, png.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new SliceImage(etag, png);
        });

    public async Task<SliceImage?> GetAsync(string sopInstanceUid, WindowPreset preset, Reader reader, CancellationToken cancellationToken = default)
    {
        var source = await FindAsync(sopInstanceUid, preset, reader, cancellationToken);
        return source is null ? null : Render(source);
    }

    // The same pixels shown the same way always get the same tag, whichever SOP points at them.
    public static string ComputeETag(string storeKey, WindowPreset preset)
    {
        var identity = Encoding.UTF8.GetBytes($"{storeKey}|{preset}|v{RenderVersion}");
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(identity).AsSpan(0, 16)) + "\"";
    }
}
